import "server-only";
import { db } from "@/server/db";
import { JOBS } from "@/server/jobs/registry";
import { DEAD_SUFFIX } from "@/server/operations/operations-boss";

export type TQueueStats = {
  queue: string;
  /** Ready to run now. */
  waiting: number;
  /** Waiting for a later start (scheduled, or singleton held back). */
  deferred: number;
  active: number;
  retrying: number;
  /** Failed for good and kept (a queue without dead letters, or a failed dead-letter replay). */
  failed: number;
  /** In the dead-letter queue, waiting for an operator. */
  deadLettered: number;
  completedLastHour: number;
  failedLastHour: number;
  /** Seconds the oldest waiting job has waited. */
  oldestWaitingSeconds: number | null;
};

type TRow = {
  name: string;
  state: string;
  n: bigint;
  deferred: bigint;
  recent: bigint;
  oldest: Date | null;
};

const empty = (queue: string): TQueueStats => ({
  queue,
  waiting: 0,
  deferred: 0,
  active: 0,
  retrying: 0,
  failed: 0,
  deadLettered: 0,
  completedLastHour: 0,
  failedLastHour: 0,
  oldestWaitingSeconds: null,
});

/** Per job queue: jobs by state, dead letters, throughput over the last hour. Read-only, one grouped query. */
export async function findQueueStats(now = new Date()): Promise<TQueueStats[]> {
  const rows = await db.$queryRaw<TRow[]>`
    SELECT name, state::text AS state, count(*) AS n,
      count(*) FILTER (WHERE start_after > ${now}::timestamptz) AS deferred,
      count(*) FILTER (WHERE completed_on > ${now}::timestamptz - interval '1 hour') AS recent,
      min(created_on) FILTER (WHERE start_after <= ${now}::timestamptz) AS oldest
    FROM pgboss.job GROUP BY 1, 2`.catch(() => [] as TRow[]);
  const stats = new Map(JOBS.map((job) => [job.name, empty(job.name)]));
  for (const row of rows) {
    // pg-boss's own internal queues are not Tradepost's jobs.
    if (row.name.startsWith("__pgboss")) continue;
    const dead = row.name.endsWith(DEAD_SUFFIX);
    const name = dead ? row.name.slice(0, -DEAD_SUFFIX.length) : row.name;
    const entry = stats.get(name) ?? empty(name);
    stats.set(name, entry);
    const n = Number(row.n);
    if (dead) {
      if (row.state === "created") entry.deadLettered += n;
      else if (row.state === "failed") entry.failed += n;
      continue;
    }
    if (row.state === "created") {
      entry.deferred += Number(row.deferred);
      entry.waiting += n - Number(row.deferred);
      if (row.oldest) entry.oldestWaitingSeconds = Math.round((now.getTime() - row.oldest.getTime()) / 1000);
    } else if (row.state === "active") entry.active += n;
    else if (row.state === "retry") entry.retrying += n;
    else if (row.state === "failed") {
      entry.failed += n;
      entry.failedLastHour += Number(row.recent);
    } else if (row.state === "completed") entry.completedLastHour += Number(row.recent);
  }

  return [...stats.values()].sort((a, b) => a.queue.localeCompare(b.queue));
}
