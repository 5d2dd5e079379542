// Scans for secrets: the repository's files (git's list: tracked plus new, unignored ones) and the
// Next build output. The build must hold none of the local stack's generated secrets (.stack/**),
// and its client bundle (.next/static, sent to every browser) none of the demo and test defaults.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { TEST_PASSWORD } from "../../prisma/seed/factories";
import { ROOT } from "./entry-points";
import { findSecrets, type TFinding } from "./secret-patterns";

/** Secrets in the repository on purpose, each with why it may be there. */
export const ALLOWED: { file: string; kind: string; reason: string }[] = [
  {
    file: "server/jobs/worker.integration.test.ts",
    kind: "password in a URL",
    reason: "the password of a throwaway PostgreSQL the test starts on a free port and deletes",
  },
];

/** Demo and test defaults: documented, fine in the repository, never in what browsers download. */
export const DEMO_DEFAULTS: { value: string; reason: string }[] = [
  { value: "tradepost-demo", reason: "the demo logins' password (README, prisma/seed.ts)" },
  { value: TEST_PASSWORD, reason: "the test users' password (prisma/seed/factories.ts)" },
  { value: "Tradepost-demo-1", reason: "the Strapi editor of the local stack (stack/lib/strapi.ts)" },
  { value: "integration-tests-secret-integration-tests", reason: "NEXTAUTH_SECRET of the integration tier" },
  { value: "integration-tests-quote-secret-0123456789", reason: "PRICING_QUOTE_SECRET of the integration tier" },
];

const isText = (buffer: Buffer) => !buffer.subarray(0, 8_000).includes(0);

export function scanRepository(): TFinding[] {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\n")
    .filter(Boolean);
  const findings: TFinding[] = [];
  for (const file of files) {
    const full = path.join(ROOT, file);
    if (!existsSync(full) || !statSync(full).isFile() || statSync(full).size > 2_000_000) continue;
    const buffer = readFileSync(full);
    if (isText(buffer)) findings.push(...findSecrets(file, buffer.toString("utf8")));
  }

  return findings.filter(
    (finding) => !ALLOWED.some((allowed) => allowed.file === finding.file && allowed.kind === finding.kind),
  );
}

/** Every string of 12+ characters in the local stack's generated secret files (secrets, keys). */
export function stackSecrets(): { name: string; value: string }[] {
  const dir = path.join(ROOT, ".stack");
  const found: { name: string; value: string }[] = [];
  const visit = (folder: string, depth: number) => {
    if (!existsSync(folder) || depth > 2) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !["postgres", "logs", "mail", "strapi-public"].includes(entry.name))
        visit(full, depth + 1);
      else if (/^(.*secrets.*|medusa-keys-.*)\.json$/.test(entry.name)) {
        const json = JSON.parse(readFileSync(full, "utf8")) as Record<string, unknown>;
        for (const [key, value] of Object.entries(json)) {
          if (typeof value === "string" && value.length >= 12) {
            found.push({ name: `${path.relative(ROOT, full)} › ${key}`, value });
          }
        }
      }
    }
  };
  visit(dir, 0);

  return found;
}

function buildFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (full.includes(`${path.sep}cache${path.sep}`) || statSync(full).size > 10_000_000) continue;
    files.push(full);
  }

  return files;
}

/**
 * Problems in the build output: secret-shaped strings and the stack's secrets anywhere in .next
 * (the cache and dev folders aside), demo and test defaults in the client bundle. Names, not values.
 */
export function scanBuild(): { checkedFiles: number; problems: string[] } {
  const next = path.join(ROOT, ".next");
  const secrets = stackSecrets();
  const problems: string[] = [];
  const files = buildFiles(next).filter((file) => !file.startsWith(path.join(next, "dev")));
  for (const file of files) {
    const buffer = readFileSync(file);
    if (!isText(buffer)) continue;
    const text = buffer.toString("utf8");
    const relative = path.relative(ROOT, file);
    for (const finding of findSecrets(relative, text)) problems.push(`${relative}:${finding.line} ${finding.kind}`);
    for (const secret of secrets) if (text.includes(secret.value)) problems.push(`${relative}: ${secret.name}`);
    if (file.startsWith(path.join(next, "static"))) {
      for (const demo of DEMO_DEFAULTS) if (text.includes(demo.value)) problems.push(`${relative}: ${demo.reason}`);
    }
  }

  return { checkedFiles: files.length, problems };
}
