import "server-only";
import { db } from "@/server/db";
import { DEAD_SUFFIX } from "@/server/operations/operations-boss";

export type TDeadLetterAttempt = {
  startedAt: Date;
  durationMs: number;
  outcome: string;
  kind: string;
  error: string | null;
};

export type TDeadLetter = {
  /** The job's id in the dead-letter queue (what replay and cancel take). */
  id: string;
  queue: string;
  /** The job that failed, in its own queue. */
  sourceJobId: string | null;
  deadLetteredAt: Date;
  /** Runs pg-boss made before giving up. */
  attempts: number;
  /** The last run's error as the job settled it ({ error, message } or { error, issues }). */
  error: unknown;
  payload: unknown;
  correlationId: string | null;
  singletonKey: string | null;
  /** The order the job was about, when it names one (the order timeline links from here). */
  orderId: string | null;
  /** Each run's entry in the sync log (same correlation id), newest first. */
  runs: TDeadLetterAttempt[];
};

type TRow = {
  id: string;
  name: string;
  data: { correlationId?: string | null; payload?: Record<string, unknown> } | null;
  created_on: Date;
  singleton_key: string | null;
  source_id: string | null;
  source_name: string | null;
  source_retry_count: number | null;
  source_output: unknown;
};

/**
 * Dead letters waiting for an operator (newest first), optionally of one queue or one id, with the
 * sync-log entries of their runs. Read-only.
 */
export async function findDeadLetters({
  queue,
  ids,
  limit = 100,
}: { queue?: string; ids?: string[]; limit?: number } = {}): Promise<TDeadLetter[]> {
  const rows = await db.$queryRaw<TRow[]>`
    SELECT id, name, data, created_on, singleton_key, source_id, source_name, source_retry_count, source_output
    FROM pgboss.job
    WHERE name LIKE ${"%" + DEAD_SUFFIX} AND state = 'created'
      AND (${queue ?? null}::text IS NULL OR name = ${queue + DEAD_SUFFIX})
      AND (${ids ?? null}::uuid[] IS NULL OR id = ANY(${ids ?? []}::uuid[]))
    ORDER BY created_on DESC
    LIMIT ${limit}`.catch(() => [] as TRow[]);
  const correlationIds = [...new Set(rows.flatMap((row) => (row.data?.correlationId ? [row.data.correlationId] : [])))];
  const runs = correlationIds.length
    ? await db.syncRun.findMany({
        where: { correlationId: { in: correlationIds } },
        orderBy: { startedAt: "desc" },
        take: 500,
        select: { startedAt: true, durationMs: true, outcome: true, kind: true, error: true, correlationId: true },
      })
    : [];

  return rows.map((row) => {
    const correlationId = row.data?.correlationId ?? null;
    const orderId = row.data?.payload?.orderId;

    return {
      id: row.id,
      queue: row.source_name ?? row.name.slice(0, -DEAD_SUFFIX.length),
      sourceJobId: row.source_id,
      deadLetteredAt: row.created_on,
      attempts: (row.source_retry_count ?? 0) + 1,
      error: row.source_output,
      payload: row.data?.payload ?? null,
      correlationId,
      singletonKey: row.singleton_key,
      orderId: typeof orderId === "string" ? orderId : null,
      runs: runs
        .filter((run) => correlationId && run.correlationId === correlationId)
        .slice(0, 20)
        .map(({ correlationId: _c, ...run }) => run),
    };
  });
}
