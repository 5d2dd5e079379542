import "server-only";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { findQueueStats } from "@/server/operations/find-queue-stats";

const HOUR_MS = 3_600_000;
/** The worker records health every minute; three minutes without a sample means no worker runs. */
const WORKER_SILENT_AFTER_MS = 3 * 60_000;

export type TSystemStatus = {
  system: string;
  ok: boolean | null;
  latencyMs: number | null;
  checkedAt: Date | null;
  detail: string | null;
};
export type TMinutePoint = { minute: string } & Record<string, number | string>;

type TMinuteRow = { minute: Date; series: string; n: bigint };

function byMinute(rows: TMinuteRow[], series: string[], now: Date): TMinutePoint[] {
  const start = Math.floor((now.getTime() - HOUR_MS) / 60_000) * 60_000;
  const points = new Map<number, TMinutePoint>();
  for (let t = start + 60_000; t <= now.getTime(); t += 60_000)
    points.set(t, { minute: new Date(t).toISOString(), ...Object.fromEntries(series.map((name) => [name, 0])) });
  for (const row of rows) {
    const point = points.get(row.minute.getTime());
    if (point) point[row.series] = Number(row.n);
  }

  return [...points.values()];
}

/**
 * The operations overview: each system's status and latency over the last hour (from the health
 * samples the worker records), queue depths, jobs and webhook deliveries per minute by outcome,
 * the oldest order still waiting for its push (and whether it is past the alert threshold),
 * reconciliation cursors and open drift. Read-only.
 */
export async function getOperationsOverview(now = new Date()) {
  const since = new Date(now.getTime() - HOUR_MS);
  const [samples, queues, jobRows, deliveryRows, oldest, cursors, openDrift, drift24h] = await Promise.all([
    db.healthSample.findMany({ where: { checkedAt: { gte: since } }, orderBy: { checkedAt: "asc" } }),
    findQueueStats(now),
    db.$queryRaw<TMinuteRow[]>`
      SELECT date_trunc('minute', completed_on) AS minute, state::text AS series, count(*) AS n
      FROM pgboss.job
      WHERE completed_on >= ${since} AND state IN ('completed', 'failed', 'cancelled') AND name NOT LIKE '%.dead'
      GROUP BY 1, 2`.catch(() => [] as TMinuteRow[]),
    db.$queryRaw<TMinuteRow[]>`
      SELECT date_trunc('minute', "receivedAt") AS minute, lower(status::text) AS series, count(*) AS n
      FROM "InboundDelivery" WHERE "receivedAt" >= ${since} GROUP BY 1, 2`,
    db.order.findFirst({
      where: { pushStatus: "QUEUED", placedAt: { not: null } },
      orderBy: { placedAt: "asc" },
      select: { id: true, reference: true, placedAt: true },
    }),
    db.syncCursor.findMany({ orderBy: { name: "asc" } }),
    db.driftFinding.count({ where: { healedAt: null } }),
    db.driftFinding.count({ where: { foundAt: { gte: new Date(now.getTime() - 24 * HOUR_MS) } } }),
  ]);

  const systems = ["database", "medusa", "odoo"].map((system): TSystemStatus => {
    const last = samples.filter((sample) => sample.system === system).at(-1);

    return {
      system,
      ok: last?.ok ?? null,
      latencyMs: last?.latencyMs ?? null,
      checkedAt: last?.checkedAt ?? null,
      detail: last?.detail ?? null,
    };
  });
  const lastWorker = samples.filter((sample) => sample.system === "worker").at(-1);
  const workerOk = lastWorker ? now.getTime() - lastWorker.checkedAt.getTime() < WORKER_SILENT_AFTER_MS : false;
  systems.push({
    system: "worker",
    ok: workerOk,
    latencyMs: null,
    checkedAt: lastWorker?.checkedAt ?? null,
    detail: workerOk ? "recording health every minute" : "no health sample for 3 minutes",
  });

  const latency = new Map<number, TMinutePoint>();
  for (const sample of samples) {
    if (sample.system === "worker") continue;
    const minute = Math.floor(sample.checkedAt.getTime() / 60_000) * 60_000;
    const point = latency.get(minute) ?? { minute: new Date(minute).toISOString() };
    // A system that was down has no point that minute: the line shows a gap.
    if (sample.ok) point[sample.system] = sample.latencyMs;
    latency.set(minute, point);
  }
  const thresholdMinutes = getEnv().OPERATIONS_UNPUSHED_ALERT_MINUTES;
  const oldestAgeSeconds = oldest?.placedAt ? Math.round((now.getTime() - oldest.placedAt.getTime()) / 1000) : null;

  return {
    checkedAt: now,
    systems,
    latencyHistory: [...latency.values()],
    queues,
    jobsPerMinute: byMinute(jobRows, ["completed", "failed", "cancelled"], now),
    deliveriesPerMinute: byMinute(deliveryRows, ["accepted", "processed", "duplicate", "rejected", "failed"], now),
    unpushed: {
      oldest: oldest ? { ...oldest, ageSeconds: oldestAgeSeconds ?? 0 } : null,
      thresholdMinutes,
      alert: oldestAgeSeconds !== null && oldestAgeSeconds > thresholdMinutes * 60,
    },
    cursors,
    drift: { open: openDrift, foundLast24h: drift24h },
  };
}

export type TOperationsOverview = Awaited<ReturnType<typeof getOperationsOverview>>;
