import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";

function adminConfig(databaseUrl: string): { config: pg.ClientConfig; database: string } {
  const parsed = parseConnectionString(databaseUrl);
  if (!parsed.database) throw new Error(`The database URL names no database: ${redactUrl(databaseUrl)}`);

  return {
    database: parsed.database,
    config: {
      host: parsed.host ?? "localhost",
      port: parsed.port ? Number(parsed.port) : 5432,
      user: parsed.user,
      password: parsed.password,
      database: "postgres",
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function redactUrl(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

/** Creates the database named in the URL when it does not exist (connecting to `postgres`). */
export async function ensureDatabase(databaseUrl: string, { template }: { template?: string } = {}): Promise<boolean> {
  const { config, database } = adminConfig(databaseUrl);
  const client = new pg.Client(config);
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    const from = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
    await client.query(`CREATE DATABASE ${quoteIdent(database)}${from}`);

    return true;
  } finally {
    await client.end();
  }
}

/** Drops the database named in the URL, disconnecting its sessions. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { config, database } = adminConfig(databaseUrl);
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same server URL with another database name. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;

  return url.toString();
}
