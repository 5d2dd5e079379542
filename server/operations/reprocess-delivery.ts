import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { processInboundDeliveryJob } from "@/server/jobs/definitions/process-inbound-delivery";
import { enqueue } from "@/server/jobs/enqueue";

/**
 * Processes an accepted delivery again (its processor re-reads the record from its system, so a
 * second run converges on the same state). At most one processing job per delivery waits or runs:
 * the queue is exclusive on the delivery id, so a second request while one waits queues nothing.
 * Rejected deliveries were never authenticated and duplicates point to their original: both are
 * refused. Audited.
 */
export async function reprocessDelivery(deliveryId: string, actor: TSessionUser): Promise<{ queued: boolean }> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.inboundDelivery.findUnique({ where: { id: deliveryId } });
    if (!delivery) throw new AppError("NOT_FOUND", "No such delivery.");
    if (delivery.status === "REJECTED")
      throw new AppError("INVALID_STATE", "A rejected delivery was never accepted; it cannot be processed.");
    if (delivery.status === "DUPLICATE")
      throw new AppError("INVALID_STATE", "This is a duplicate; re-process the delivery it duplicates instead.");
    const jobId = randomUUID();
    const queued = await enqueue(
      tx,
      processInboundDeliveryJob,
      { deliveryId },
      { singletonKey: deliveryId, id: jobId },
    );
    if (!queued) return { queued: false };
    await tx.inboundDelivery.update({
      where: { id: deliveryId },
      data: { status: "ACCEPTED", jobId, processedAt: null },
    });
    await recordAudit(tx, {
      actor,
      action: "operations.delivery.reprocess",
      entityType: "inbound-delivery",
      entityId: deliveryId,
      before: { status: delivery.status, jobId: delivery.jobId },
      after: { status: "ACCEPTED", jobId },
    });

    return { queued: true };
  });
}
