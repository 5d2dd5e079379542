// What a long load leaves in PostgreSQL: pg-boss's tables (every partition of the job table and
// the rest of its schema) and the app's tables that grow with traffic. Row and dead-tuple counts
// are PostgreSQL's statistics (pg_stat_user_tables: estimates, refreshed within about a second),
// sizes include indexes and TOAST.
import type { db as TDb } from "../checkout/driver";

type TDatabase = typeof TDb;

export type TTableSize = { name: string; rows: number; dead: number; bytes: number };

export type TTableStats = {
  pgboss: Omit<TTableSize, "name">;
  /** Jobs due (waiting or retrying, start time passed) or running: what the workers have not caught up with. */
  backlog: number;
  /** Jobs waiting in dead-letter queues (`<name>.dead`): the ones an operator would have to replay. */
  deadLetters: number;
  /** Jobs whose last attempt failed (retries exhausted; a dead-letter copy exists). */
  failed: number;
  /** How long pg-boss keeps finished jobs (the queues' deletion_seconds, in days). */
  deletionDays: number;
  app: TTableSize[];
};

// The app's tables that every webhook, checkout or integration call adds to.
const APP_TABLES = ["InboundDelivery", "SyncRun", "IntegrationCall", "RateLimitWindow", "Order", "AuditLog"];

export async function readTableStats(db: TDatabase): Promise<TTableStats> {
  const tables = await db.$queryRaw<{ schema: string; name: string; rows: bigint; dead: bigint; bytes: bigint }[]>`
    SELECT schemaname AS schema, relname AS name, n_live_tup AS rows, n_dead_tup AS dead,
           pg_total_relation_size(relid) AS bytes
    FROM pg_stat_user_tables
    WHERE schemaname = 'pgboss' OR (schemaname = current_schema() AND relname::text = ANY(${APP_TABLES}::text[]))`;
  const [jobs] = await db.$queryRaw<{ backlog: bigint; dead_letters: bigint; failed: bigint; deletion: number }[]>`
    SELECT count(*) FILTER (WHERE name NOT LIKE '%.dead'
             AND (state = 'active' OR (state IN ('created', 'retry') AND start_after <= now()))) AS backlog,
           count(*) FILTER (WHERE state = 'created' AND name LIKE '%.dead') AS dead_letters,
           count(*) FILTER (WHERE state = 'failed') AS failed,
           (SELECT max(deletion_seconds) FROM pgboss.queue WHERE name NOT LIKE '%.dead') AS deletion
    FROM pgboss.job`;
  const sum = (rows: typeof tables) => ({
    rows: rows.reduce((total, row) => total + Number(row.rows), 0),
    dead: rows.reduce((total, row) => total + Number(row.dead), 0),
    bytes: rows.reduce((total, row) => total + Number(row.bytes), 0),
  });

  return {
    pgboss: sum(tables.filter((table) => table.schema === "pgboss")),
    backlog: Number(jobs?.backlog ?? 0),
    deadLetters: Number(jobs?.dead_letters ?? 0),
    failed: Number(jobs?.failed ?? 0),
    deletionDays: Number(jobs?.deletion ?? 0) / 86_400,
    app: APP_TABLES.map((name) => ({
      name,
      ...sum(tables.filter((table) => table.schema !== "pgboss" && table.name === name)),
    })),
  };
}
