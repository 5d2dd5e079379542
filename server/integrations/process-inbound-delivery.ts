import "server-only";
import { db } from "@/server/db";
import { PROCESS_INBOUND_RETRY_LIMIT } from "@/server/jobs/definitions/process-inbound-delivery";
import type { TJobContext } from "@/server/jobs/job-definition";
import { isRetryable } from "@/server/jobs/run-job";
import { INBOUND_PROCESSORS, type TInboundProcessors } from "@/server/integrations/inbound-processors";
import { withSyncRun } from "@/server/integrations/record-sync-run";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 400);

/**
 * Processes one inbox delivery with the processor for its source and subject, in the sync log.
 * Idempotent: a delivery already processed or failed is left alone. Subjects nobody handles are
 * marked processed with that reason. A retryable failure leaves the delivery ACCEPTED with the
 * reason and is re-thrown for pg-boss to retry; a permanent one, or the last attempt, marks it
 * FAILED.
 */
export async function processInboundDelivery(
  { deliveryId }: { deliveryId: string },
  context: TJobContext,
  processors: TInboundProcessors = INBOUND_PROCESSORS,
): Promise<{ status: string }> {
  const delivery = await db.inboundDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, source: true, subjectType: true, subjectId: true, body: true, receivedAt: true, status: true },
  });
  if (!delivery || delivery.status !== "ACCEPTED")
    return { status: delivery ? `already ${delivery.status.toLowerCase()}` : "missing" };
  const settle = (status: "PROCESSED" | "FAILED" | "ACCEPTED", reason: string | null) =>
    db.inboundDelivery.update({
      where: { id: deliveryId, status: "ACCEPTED" },
      data: { status, reason, processedAt: status === "ACCEPTED" ? null : new Date() },
    });

  const processor = delivery.subjectType ? processors[delivery.source]?.[delivery.subjectType] : undefined;
  const subject = {
    kind: `${delivery.source}.${delivery.subjectType ?? "unknown"}.inbound`,
    trigger: "webhook",
    externalId: delivery.subjectId ?? undefined,
    jobId: context.jobId,
  };
  if (!processor) {
    await withSyncRun(subject, async () => ({
      outcome: "SKIPPED",
      summary: `No processor for ${delivery.subjectType ?? "this delivery"}`,
    }));
    await settle(
      "PROCESSED",
      `Not handled: Tradepost does not process ${delivery.source} ${delivery.subjectType ?? "deliveries without a subject"}.`,
    );

    return { status: "skipped" };
  }
  try {
    const result = await withSyncRun(subject, () => processor(delivery));
    await settle("PROCESSED", result.summary ?? null);

    return { status: result.outcome.toLowerCase() };
  } catch (error) {
    const lastAttempt = context.attempt >= PROCESS_INBOUND_RETRY_LIMIT;
    if (isRetryable(error) && !lastAttempt) {
      await settle("ACCEPTED", `Attempt ${context.attempt + 1} failed, will retry: ${messageOf(error)}`);
    } else {
      await settle("FAILED", messageOf(error));
    }
    throw error;
  }
}
