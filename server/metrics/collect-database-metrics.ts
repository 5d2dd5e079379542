import "server-only";
import { db } from "@/server/db";
import { getMetrics } from "@/server/metrics/registry";

type TCount = { a: string; b: string; n: bigint | number };
type TCallRow = { system: string; target: string; method: string; ok: boolean; n: bigint; p50: number; p95: number };

/**
 * Sets the gauges whose truth is in the database, not in one process: queue depths and job run
 * times (pg-boss works jobs in the workers), the inbox by status, orders by push status and the
 * age of the oldest unpushed one, reconciliation lag per cursor. Read at scrape time, so any app
 * instance answers the same; a handful of grouped queries on indexed columns.
 */
export async function collectDatabaseMetrics(now = new Date()): Promise<void> {
  const metrics = getMetrics();
  const [jobs, durations, deliveries, orders, oldest, cursors, calls] = await Promise.all([
    // pg-boss installs its schema at the first start or enqueue; before that there are no jobs.
    db.$queryRaw<TCount[]>`SELECT name AS a, state::text AS b, count(*) AS n FROM pgboss.job GROUP BY 1, 2`.catch(
      () => [],
    ),
    db.$queryRaw<{ queue: string; p50: number; p95: number }[]>`
      SELECT name AS queue,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - started_on)) AS p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - started_on)) AS p95
      FROM pgboss.job
      WHERE state = 'completed' AND completed_on > ${now}::timestamptz - interval '15 minutes' AND started_on IS NOT NULL
      GROUP BY 1`.catch(() => []),
    db.$queryRaw<TCount[]>`SELECT source AS a, status::text AS b, count(*) AS n FROM "InboundDelivery" GROUP BY 1, 2`,
    db.order.groupBy({ by: ["pushStatus"], where: { status: "PLACED" }, _count: { _all: true } }),
    db.order.findFirst({
      where: { pushStatus: "QUEUED", placedAt: { not: null } },
      orderBy: { placedAt: "asc" },
      select: { placedAt: true },
    }),
    db.syncCursor.findMany({ select: { name: true, lastRunAt: true, lastRunOk: true } }),
    // The worker makes most Odoo calls: its histograms live in its own process, so the call log
    // gives every process's recent calls here.
    db.$queryRaw<TCallRow[]>`
      SELECT system::text AS system, target, method, ok, count(*) AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95
      FROM "IntegrationCall" WHERE "startedAt" > ${now}::timestamptz - interval '5 minutes'
      GROUP BY 1, 2, 3, 4`,
  ]);

  metrics.queueJobs.reset();
  for (const row of jobs) metrics.queueJobs.set({ queue: row.a, state: row.b }, Number(row.n));
  metrics.jobDurations.reset();
  for (const row of durations) {
    metrics.jobDurations.set({ queue: row.queue, quantile: "0.5" }, Number(row.p50));
    metrics.jobDurations.set({ queue: row.queue, quantile: "0.95" }, Number(row.p95));
  }
  metrics.deliveries.reset();
  for (const row of deliveries) metrics.deliveries.set({ source: row.a, status: row.b }, Number(row.n));
  metrics.orders.reset();
  for (const row of orders) metrics.orders.set({ push_status: row.pushStatus }, row._count._all);
  metrics.oldestUnpushed.set(oldest?.placedAt ? Math.max(0, (now.getTime() - oldest.placedAt.getTime()) / 1000) : 0);
  metrics.recentCalls.reset();
  metrics.recentCallLatency.reset();
  for (const call of calls) {
    const labels = { system: call.system, target: call.target, method: call.method };
    metrics.recentCalls.set({ ...labels, outcome: call.ok ? "ok" : "error" }, Number(call.n));
    // Quantiles over ok and failed calls together would need a second grouping; the ok ones say how fast it is.
    if (call.ok) {
      metrics.recentCallLatency.set({ ...labels, quantile: "0.5" }, Number(call.p50) / 1000);
      metrics.recentCallLatency.set({ ...labels, quantile: "0.95" }, Number(call.p95) / 1000);
    }
  }
  metrics.reconciliationLag.reset();
  metrics.reconciliationOk.reset();
  for (const cursor of cursors) {
    if (cursor.lastRunAt)
      metrics.reconciliationLag.set({ cursor: cursor.name }, (now.getTime() - cursor.lastRunAt.getTime()) / 1000);
    if (cursor.lastRunOk !== null) metrics.reconciliationOk.set({ cursor: cursor.name }, cursor.lastRunOk ? 1 : 0);
  }
}
