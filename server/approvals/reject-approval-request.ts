import "server-only";
import { canDecideRole } from "@/lib/approvals/plan-approvals";
import { assertMayDecide, lockApprovalRequest } from "@/server/approvals/lock-approval-request";
import { notifyApprovalProgress } from "@/server/approvals/notify-approvals";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/**
 * Rejects an approval request of the actor's organisation at its current step, with the reason
 * the buyer will read; the order becomes REJECTED and nothing is placed. Same authorisation as
 * approving (current step's role, never one's own request). Idempotent: a request already
 * rejected changes nothing. Audited.
 */
export async function rejectApprovalRequest({
  actor,
  organisationId,
  orderId,
  reason,
  now = new Date(),
}: {
  actor: TSessionUser;
  organisationId: string;
  orderId: string;
  reason: string;
  now?: Date;
}): Promise<{ changed: boolean; reference: string }> {
  return db.$transaction(async (tx) => {
    const request = await lockApprovalRequest(tx, organisationId, orderId);
    if (request.status === "REJECTED" && request.buyerId !== actor.id) {
      return { changed: false, reference: request.reference };
    }
    const current = assertMayDecide(request, actor, now, canDecideRole);

    await tx.approvalStep.update({
      where: { id: current.id, status: "WAITING" },
      data: { status: "REJECTED", decidedById: actor.id, decidedAt: now, comment: reason },
    });
    await tx.order.update({
      where: { id: request.id, status: "PENDING_APPROVAL" },
      data: { status: "REJECTED", decisionReason: reason },
    });
    await recordAudit(tx, {
      actor,
      action: "approval.rejected",
      entityType: "order",
      entityId: request.id,
      organisationId,
      before: { status: "PENDING_APPROVAL", step: current.position },
      after: { status: "REJECTED", step: current.position, reason },
    });
    await notifyApprovalProgress(tx, { orderId: request.id, decision: "REJECTED", decider: actor, comment: reason });

    return { changed: true, reference: request.reference };
  });
}
