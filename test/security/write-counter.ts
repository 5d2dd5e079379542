// Counts every row written to the test database (insert, update, delete, in any table of any
// schema, pg-boss's jobs included) with a trigger that logs it. The log's ids come from a sequence,
// which is not transactional: a write that was rolled back still counts, so "0 writes" means none
// was even tried. Left out on purpose: rate-limit windows (counting a refused attempt is their job)
// and the log of outbound calls to Medusa and Odoo (telemetry, written in batches after the call).
import type { PrismaClient } from "../../generated/prisma/client";

const EXCLUDED = ["RateLimitWindow", "IntegrationCall", "_prisma_migrations", "security_write_log"];

/** Installs the counter on every table that exists now; call again after new schemas appear (pg-boss). */
export async function installWriteCounter(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS security_writes`);
  await db.$executeRawUnsafe(
    `CREATE UNLOGGED TABLE IF NOT EXISTS security_write_log (id bigint PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`,
  );
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION security_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO security_write_log VALUES (nextval('security_writes'), TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`);
  await db.$executeRawUnsafe(`
    DO $$ DECLARE t record; BEGIN
      FOR t IN
        SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
          AND c.relname <> ALL (ARRAY[${EXCLUDED.map((name) => `'${name}'`).join(", ")}])
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'security_count_write')
      LOOP
        EXECUTE format('CREATE TRIGGER security_count_write AFTER INSERT OR UPDATE OR DELETE ON %I.%I
          FOR EACH ROW EXECUTE FUNCTION security_count_write()', t.nspname, t.relname);
      END LOOP;
    END $$`);
}

/** Rows written so far (a running total; compare two readings). */
export async function writesSoFar(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM security_writes`,
  );

  return Number(row!.n);
}

/** What was written after reading `since` ("INSERT public.AuditLog", …), for failure messages. */
export async function writesAfter(db: PrismaClient, since: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ tbl: string; op: string }[]>(
    `SELECT tbl, op FROM security_write_log WHERE id > $1 ORDER BY id`,
    since,
  );

  return rows.map((row) => `${row.op} ${row.tbl}`);
}

/** Fails with the list of writes when any row was written after `since`. */
export async function expectNoWritesSince(db: PrismaClient, since: number, label = "rows written"): Promise<void> {
  const now = await writesSoFar(db);
  if (now !== since) throw new Error(`${label}: ${(await writesAfter(db, since)).join(", ")}`);
}

/**
 * Waits (up to 5 s) until no other session of this database is inside a statement or transaction,
 * so that what an earlier call left running (a use case's parallel branch after its sibling failed)
 * is not counted against the next one.
 */
export async function settle(db: PrismaClient): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'`,
    );
    if (Number(row!.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
