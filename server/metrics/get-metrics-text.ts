import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/server/env";
import { collectDatabaseMetrics } from "@/server/metrics/collect-database-metrics";
import { getMetrics } from "@/server/metrics/registry";

export type TMetricsAccess = "disabled" | "denied" | "granted";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether `Authorization: Bearer <METRICS_TOKEN>` was given; "disabled" when no token is configured. */
export function metricsAccess(authorization: string | null): TMetricsAccess {
  const expected = getEnv().METRICS_TOKEN;
  if (!expected) return "disabled";
  const token = authorization ? /^Bearer (.+)$/i.exec(authorization.trim())?.[1] : undefined;

  return token && timingSafeEqual(digest(token), digest(expected)) ? "granted" : "denied";
}

/** This process's metrics and the database-derived gauges, in Prometheus text format. */
export async function getMetricsText(): Promise<{ contentType: string; text: string }> {
  await collectDatabaseMetrics();
  const { registry } = getMetrics();

  return { contentType: registry.contentType, text: await registry.metrics() };
}
