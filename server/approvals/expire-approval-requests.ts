import "server-only";
import { notifyApprovalProgress } from "@/server/approvals/notify-approvals";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";

const BATCH = 100;
const EXPIRED_REASON = "Nobody decided within the approval window. Submit the order again if it is still needed.";

/**
 * Marks approval requests whose window has passed as EXPIRED, with a reason the buyer reads.
 * Locks each order like a decision does (skipping rows being decided right now: the next run
 * sees them), so a request is either decided or expired, never both. Idempotent; audited per order.
 */
export async function expireApprovalRequests({ now = new Date() }: { now?: Date } = {}): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string; organisationId: string }[]>`
        SELECT id, "organisationId" FROM "Order"
        WHERE status = 'PENDING_APPROVAL' AND "approvalExpiresAt" <= ${now}
        ORDER BY "approvalExpiresAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      for (const order of due) {
        await tx.order.update({
          where: { id: order.id, status: "PENDING_APPROVAL" },
          data: { status: "EXPIRED", decisionReason: EXPIRED_REASON },
        });
        await recordAudit(tx, {
          actor: { system: "approvals" },
          action: "approval.expired",
          entityType: "order",
          entityId: order.id,
          organisationId: order.organisationId,
          before: { status: "PENDING_APPROVAL" },
          after: { status: "EXPIRED" },
        });
        await notifyApprovalProgress(tx, { orderId: order.id, decision: "EXPIRED" });
      }

      return due.length;
    });
    expired += count;
    if (count < BATCH) return { expired };
  }
}
