import "server-only";
import type { ExternalSystem } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { currentCorrelationId, logger } from "@/server/logger";
import { getMetrics } from "@/server/metrics/registry";

export type TIntegrationCall = {
  system: Extract<ExternalSystem, "ODOO" | "MEDUSA">;
  /** Odoo: the model; Medusa: the call's label. */
  target: string;
  method: string;
  ok: boolean;
  error?: string;
  durationMs: number;
};

type TRow = TIntegrationCall & { startedAt: Date; correlationId: string | null };

const FLUSH_AFTER_MS = 250;
const MAX_BUFFERED = 1_000;
let buffer: TRow[] = [];
let timer: NodeJS.Timeout | undefined;

async function flush(): Promise<void> {
  timer = undefined;
  const rows = buffer;
  buffer = [];
  try {
    await db.integrationCall.createMany({
      data: rows.map((row) => ({ ...row, error: row.error?.slice(0, 1000) ?? null, target: row.target.slice(0, 120) })),
    });
  } catch (error) {
    logger.warn({ err: error, calls: rows.length }, "could not write the integration-call log");
  }
}

/**
 * The instrumentation hook of the Odoo and Medusa clients, called once after every call: the
 * latency histogram, and a row in the integration-call log (behind the order timeline) written
 * in batches a moment later, outside any transaction. Never throws and never waits; when the
 * database is unreachable the rows are dropped (the log is a diagnostic, not a record).
 */
export function recordIntegrationCall(call: TIntegrationCall): void {
  try {
    const metrics = getMetrics();
    const outcome = call.ok ? "ok" : "error";
    if (call.system === "ODOO")
      metrics.odooCalls.observe({ model: call.target, method: call.method, outcome }, call.durationMs / 1000);
    else metrics.medusaCalls.observe({ call: call.target, outcome }, call.durationMs / 1000);
    if (buffer.length >= MAX_BUFFERED) return;
    buffer.push({
      ...call,
      durationMs: Math.round(call.durationMs),
      startedAt: new Date(Date.now() - call.durationMs),
      correlationId: currentCorrelationId() ?? null,
    });
    timer ??= setTimeout(() => void flush(), FLUSH_AFTER_MS).unref();
  } catch (error) {
    logger.warn({ err: error }, "could not record an integration call");
  }
}

/** Writes what is buffered now (tests, and a worker stopping). */
export async function flushIntegrationCalls(): Promise<void> {
  if (timer) clearTimeout(timer);
  if (buffer.length) await flush();
}
