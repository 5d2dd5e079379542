// Whether the production build in .next/ was made from the sources as they are now, so that a warm
// `npm run demo` (or test run) can skip `next build` (20–35 s here). The digest covers what the
// build reads, including the environment it may inline, and is kept in .next/ with the build's id.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TEnvVars } from "./processes";

/** Folders and files `next build` reads. */
const INPUTS = ["app", "components", "lib", "server", "types", "public", "prisma", "generated"].concat(
  ["instrumentation.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json"],
  ["package.json", "package-lock.json"],
);
/** Never part of the output: dependencies, the build itself, tests (the build does not import them). */
const NOT_INPUTS = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;
const STAMP = ".next/tradepost-build-inputs.json";

type TStamp = { buildId: string; inputs: string };

function inputFiles(root: string): string[] {
  return INPUTS.flatMap((input) => {
    const full = path.join(root, input);
    if (!existsSync(full)) return [];
    if (!statSync(full).isDirectory()) return [input];

    return readdirSync(full, { recursive: true, encoding: "utf8" })
      .map((file) => path.join(input, file))
      .filter((file) => !NOT_INPUTS.test(file) && statSync(path.join(root, file)).isFile());
  }).sort();
}

/** A digest of the build's inputs: file names and contents, and the environment it runs with. */
export function appBuildInputs(root: string, env: TEnvVars): string {
  const hash = createHash("sha256");
  for (const file of inputFiles(root)) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  }
  // Next inlines NEXT_PUBLIC_* into the bundles; NODE_ENV and the Node version change what it emits.
  const merged = { ...process.env, ...env };
  const inlined = Object.keys(merged).filter((key) => key.startsWith("NEXT_PUBLIC_") || key === "NODE_ENV");
  hash.update(JSON.stringify([process.version, ...inlined.sort().map((key) => [key, merged[key]])]));

  return hash.digest("hex");
}

/** True when .next/ holds a finished build made from exactly these inputs. */
export function isAppBuildCurrent(root: string, inputs: string): boolean {
  const buildIdFile = path.join(root, ".next", "BUILD_ID");
  const stampFile = path.join(root, STAMP);
  if (!existsSync(buildIdFile) || !existsSync(stampFile)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as Partial<TStamp>;

  // The build id guards against a build made by hand (npm run build) after ours.
  return stamp.inputs === inputs && stamp.buildId === readFileSync(buildIdFile, "utf8").trim();
}

/** Records that the build now in .next/ was made from `inputs` (taken before it started). */
export function recordAppBuild(root: string, inputs: string): void {
  const buildId = readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
  writeFileSync(path.join(root, STAMP), JSON.stringify({ buildId, inputs } satisfies TStamp));
}
