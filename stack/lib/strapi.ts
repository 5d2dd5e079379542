// The Strapi PIM in stack/strapi: install (once per package files), build (once per sources),
// start, and the variables the app reads to reach it. Strapi's bootstrap (stack/strapi/src/index.ts)
// sets up the editor login, Tradepost's read-only token, the webhook and the demo content from
// the environment given here.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase } from "../../scripts/db/ensure-database";
import type { TEnvVars } from "./processes";
import { isPortAnswering, runToCompletion, startService, waitForHttp, type TService } from "./processes";

export const STRAPI_DIR = path.resolve(import.meta.dirname, "../strapi");
const STRAPI_BIN = path.join(STRAPI_DIR, "node_modules/.bin/strapi");
/** The demo editor's login (a Strapi admin); printed with the other demo logins. */
export const STRAPI_EDITOR = { email: "editor@tradepost.test", password: "Tradepost-demo-1" };

export type TStrapiSecrets = {
  appKeys: string;
  adminJwtSecret: string;
  apiTokenSalt: string;
  transferTokenSalt: string;
  encryptionKey: string;
  jwtSecret: string;
  /** The read-only API token Tradepost reads with (STRAPI_API_TOKEN). */
  apiToken: string;
  /** Sent by Strapi's webhook in X-Tradepost-Webhook-Secret (STRAPI_WEBHOOK_SECRET). */
  webhookSecret: string;
};

const token = (bytes: number) => randomBytes(bytes).toString("hex");

/** Strapi's secrets, generated once into <stateDir>/strapi-secrets.json (git-ignored) and reused. */
export function loadOrCreateStrapiSecrets(stateDir: string): TStrapiSecrets {
  const file = path.join(stateDir, "strapi-secrets.json");
  const existing: Partial<TStrapiSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: TStrapiSecrets = {
    appKeys: existing.appKeys ?? [token(16), token(16)].join(","),
    adminJwtSecret: existing.adminJwtSecret ?? token(32),
    apiTokenSalt: existing.apiTokenSalt ?? token(16),
    transferTokenSalt: existing.transferTokenSalt ?? token(16),
    encryptionKey: existing.encryptionKey ?? token(32),
    jwtSecret: existing.jwtSecret ?? token(32),
    apiToken: existing.apiToken ?? token(32),
    webhookSecret: existing.webhookSecret ?? token(32),
  };
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });

  return secrets;
}

const digest = (files: string[]) => {
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    if (existsSync(file) && statSync(file).isFile()) {
      hash.update(`${path.relative(STRAPI_DIR, file)}\0`).update(readFileSync(file));
    }
  }

  return hash.digest("hex");
};
const hasStamp = (file: string, content: string) => existsSync(file) && readFileSync(file, "utf8") === content;

/**
 * `npm install` in stack/strapi unless node_modules was installed from these very package files
 * (~70 s on a clean clone, then nothing). Only the stacks that start Strapi pay it.
 */
export async function ensureStrapiInstalled(logDir?: string): Promise<"installed" | "up to date"> {
  const manifests = ["package.json", "package-lock.json"].map((file) => path.join(STRAPI_DIR, file));
  const stamp = path.join(STRAPI_DIR, "node_modules", ".tradepost-installed");
  if (hasStamp(stamp, digest(manifests))) return "up to date";
  // `npm ci` refuses the lockfile written on these machines (other platforms' optional packages).
  // Not execFileSync: the demo runs this while it builds the app.
  await runToCompletion({
    name: "strapi-install",
    command: "npm",
    args: ["install", "--no-audit", "--no-fund", "--loglevel=error"],
    cwd: STRAPI_DIR,
    env: { STRAPI_TELEMETRY_DISABLED: "true" },
    logDir,
  });
  // After the install: npm may rewrite the lockfile.
  writeFileSync(stamp, digest(manifests));

  return "installed";
}

function sourceFiles(): string[] {
  const files = ["package.json", "package-lock.json", "tsconfig.json"].map((file) => path.join(STRAPI_DIR, file));
  for (const dir of ["src", "config"]) {
    const root = path.join(STRAPI_DIR, dir);
    files.push(...readdirSync(root, { recursive: true, encoding: "utf8" }).map((file) => path.join(root, file)));
  }

  return files;
}

/**
 * Compiles the server code into dist/ (tsc, a few seconds) or, with `admin`, also builds the
 * admin panel (`strapi build`, ~70 s and ~2 GB at its peak), unless dist/ already holds that
 * build of the sources as they are.
 */
export async function buildStrapi({
  admin,
  logDir,
}: {
  admin: boolean;
  logDir: string;
}): Promise<"built" | "up to date"> {
  const inputs = digest(sourceFiles());
  const stamp = (kind: string) => path.join(STRAPI_DIR, "dist", `.tradepost-build-${kind}`);
  if (hasStamp(stamp("admin"), inputs) || (!admin && hasStamp(stamp("server"), inputs))) return "up to date";
  const env = { STRAPI_TELEMETRY_DISABLED: "true", NODE_ENV: "production" };
  const common = { cwd: STRAPI_DIR, env, logDir };
  if (admin) {
    await runToCompletion({ name: "strapi-build", command: STRAPI_BIN, args: ["build"], ...common });
  } else {
    const tsc = path.join(STRAPI_DIR, "node_modules/.bin/tsc");
    await runToCompletion({ name: "strapi-compile", command: tsc, args: ["-p", "tsconfig.json"], ...common });
  }
  writeFileSync(stamp(admin ? "admin" : "server"), inputs);

  return "built";
}

export type TStartStrapi = {
  databaseUrl: string;
  port: number;
  secrets: TStrapiSecrets;
  /** Where Strapi's webhook posts to (the app's /api/webhooks/strapi). */
  webhookUrl: string;
  /** Media uploads (kept apart per stack: the demo's under .stack/, the tests' under .stack/test/). */
  publicDir: string;
  serveAdmin: boolean;
  demoContent: boolean;
  logDir: string;
  /** Where to write the process (group) id, for a test that pauses Strapi to see the app without it. */
  pidFile?: string;
};

/** Creates the database if needed and starts Strapi from dist/ (build first); resolves once /_health answers. */
export async function startStrapi(options: TStartStrapi): Promise<TService> {
  if (await isPortAnswering(options.port)) {
    throw new Error(`Port ${options.port} already answers: is another Strapi running? Stop it or set STRAPI_PORT.`);
  }
  await ensureDatabase(options.databaseUrl);
  mkdirSync(path.join(options.publicDir, "uploads"), { recursive: true });
  const { secrets } = options;
  const env: TEnvVars = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    APP_KEYS: secrets.appKeys,
    ADMIN_JWT_SECRET: secrets.adminJwtSecret,
    API_TOKEN_SALT: secrets.apiTokenSalt,
    TRANSFER_TOKEN_SALT: secrets.transferTokenSalt,
    ENCRYPTION_KEY: secrets.encryptionKey,
    JWT_SECRET: secrets.jwtSecret,
    STRAPI_PUBLIC_DIR: options.publicDir,
    SERVE_ADMIN: String(options.serveAdmin),
    STRAPI_TELEMETRY_DISABLED: "true",
    STRAPI_ANALYTICS_URL: "http://127.0.0.1:9",
    TRADEPOST_EDITOR_EMAIL: STRAPI_EDITOR.email,
    TRADEPOST_EDITOR_PASSWORD: STRAPI_EDITOR.password,
    TRADEPOST_API_TOKEN: secrets.apiToken,
    TRADEPOST_WEBHOOK_URL: options.webhookUrl,
    TRADEPOST_WEBHOOK_SECRET: secrets.webhookSecret,
    TRADEPOST_DEMO_CONTENT: String(options.demoContent),
  };
  const service = startService({
    name: "strapi",
    command: STRAPI_BIN,
    args: ["start"],
    cwd: STRAPI_DIR,
    env,
    logDir: options.logDir,
  });
  await waitForHttp(`http://127.0.0.1:${options.port}/_health`, { service, timeoutMs: 120_000, okStatuses: [204] });
  // The child leads its own process group (startService), so its id names the group too.
  if (options.pidFile && service.child.pid) writeFileSync(options.pidFile, String(service.child.pid));

  return service;
}

/** What the app and the worker read to reach Strapi (server/pim). */
export function strapiAppEnv({ port, secrets }: { port: number; secrets: TStrapiSecrets }): TEnvVars {
  return {
    STRAPI_URL: `http://127.0.0.1:${port}`,
    // Media links the browser follows.
    STRAPI_PUBLIC_URL: `http://localhost:${port}`,
    STRAPI_API_TOKEN: secrets.apiToken,
    STRAPI_WEBHOOK_SECRET: secrets.webhookSecret,
  };
}
