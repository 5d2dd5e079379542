import "server-only";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { checkHealth } from "@/server/health/check-health";

const DAY_MS = 86_400_000;

/**
 * Every minute, from the worker: checks the database, Medusa and Odoo and records each latency
 * (the overview's history), plus a "worker" sample that says a worker is alive; then deletes
 * samples older than a day and integration calls older than OPERATIONS_CALL_RETENTION_DAYS.
 * Idempotent enough to run twice: a second sample in the same minute only adds a point.
 */
export async function recordHealthSample(): Promise<{ recorded: number; pruned: number }> {
  const health = await checkHealth();
  const now = new Date();
  const checks = Object.entries(health.checks).map(([system, check]) => ({
    system,
    ok: check.status === "ok",
    latencyMs: check.latencyMs,
    detail: check.detail?.slice(0, 120) ?? null,
    checkedAt: now,
  }));
  await db.healthSample.createMany({
    data: [...checks, { system: "worker", ok: true, latencyMs: 0, detail: null, checkedAt: now }],
  });
  const [samples, calls] = await Promise.all([
    db.healthSample.deleteMany({ where: { checkedAt: { lt: new Date(now.getTime() - DAY_MS) } } }),
    db.integrationCall.deleteMany({
      where: { startedAt: { lt: new Date(now.getTime() - getEnv().OPERATIONS_CALL_RETENTION_DAYS * DAY_MS) } },
    }),
  ]);

  return { recorded: checks.length + 1, pruned: samples.count + calls.count };
}
