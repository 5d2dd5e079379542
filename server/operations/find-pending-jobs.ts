import "server-only";
import { db } from "@/server/db";

export type TPendingJob = {
  id: string;
  queue: string;
  state: string;
  attempt: number;
  retryLimit: number;
  startAfter: Date;
  createdOn: Date;
  startedOn: Date | null;
  /** The last attempt's error, for a retrying job. */
  output: unknown;
  correlationId: string | null;
  orderId: string | null;
};

type TRow = {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  start_after: Date;
  created_on: Date;
  started_on: Date | null;
  output: unknown;
  data: { correlationId?: string | null; payload?: { orderId?: unknown } } | null;
};

/** Jobs retrying or running now (retrying first, then the longest-running), for retry-now and cancel. Read-only. */
export async function findPendingJobs(limit = 50): Promise<TPendingJob[]> {
  const rows = await db.$queryRaw<TRow[]>`
    SELECT id, name, state::text AS state, retry_count, retry_limit, start_after, created_on, started_on, output, data
    FROM pgboss.job
    WHERE state IN ('retry', 'active') AND name NOT LIKE '%.dead'
    ORDER BY state DESC, created_on
    LIMIT ${limit}`.catch(() => [] as TRow[]);

  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    state: row.state,
    attempt: row.retry_count + 1,
    retryLimit: row.retry_limit,
    startAfter: row.start_after,
    createdOn: row.created_on,
    startedOn: row.started_on,
    output: row.output,
    correlationId: row.data?.correlationId ?? null,
    orderId: typeof row.data?.payload?.orderId === "string" ? row.data.payload.orderId : null,
  }));
}
