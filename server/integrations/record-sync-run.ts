import "server-only";
import type { ExternalSystem, SyncOutcome } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { currentCorrelationId, logger } from "@/server/logger";

export type TSyncSubject = {
  /** What runs, e.g. "odoo.partner.sync", "order.push". */
  kind: string;
  /** What started it: webhook, reconcile, job, manual, checkout … */
  trigger: string;
  entityType?: string;
  localId?: string;
  system?: ExternalSystem;
  externalId?: string;
  jobId?: string;
};

export type TSyncResult = {
  outcome: Exclude<SyncOutcome, "FAILED">;
  summary?: string;
  detail?: Record<string, unknown>;
  localId?: string;
  externalId?: string;
};

/**
 * Runs one sync or push for one record and writes it to the sync log: outcome, duration,
 * correlation id, and the error when it throws (the error is re-thrown for the job to decide
 * on a retry). The log row is written after the work, outside its transaction: a failure to
 * log never undoes the work.
 */
export async function withSyncRun(subject: TSyncSubject, run: () => Promise<TSyncResult>): Promise<TSyncResult> {
  const startedAt = new Date();
  const started = performance.now();
  const record = async (data: {
    outcome: SyncOutcome;
    summary?: string;
    error?: string;
    detail?: Record<string, unknown>;
    localId?: string;
    externalId?: string;
  }) => {
    const { localId = subject.localId, externalId = subject.externalId, ...rest } = data;
    await db.syncRun
      .create({
        data: {
          ...subject,
          ...rest,
          localId,
          externalId,
          summary: rest.summary?.slice(0, 500),
          error: rest.error?.slice(0, 2000),
          detail: rest.detail as object | undefined,
          startedAt,
          durationMs: Math.round(performance.now() - started),
          correlationId: currentCorrelationId() ?? null,
        },
      })
      .catch((error: unknown) => logger.error({ err: error, subject }, "could not write the sync log"));
  };
  try {
    const result = await run();
    await record(result);

    return result;
  } catch (error) {
    await record({ outcome: "FAILED", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
