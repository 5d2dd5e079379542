import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import { canDecideRole } from "@/lib/approvals/plan-approvals";
import { AppError } from "@/lib/errors";
import { assertMayDecide, lockApprovalRequest } from "@/server/approvals/lock-approval-request";
import { notifyApprovalProgress } from "@/server/approvals/notify-approvals";
import { placeAfterApproval, type TPlacementOutcome } from "@/server/approvals/place-after-approval";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

const PLACEMENT_RETRY_AFTER_MS = 60_000;

export type TApproveResult = {
  changed: boolean;
  reference: string;
  /** The order's status after the decision (PENDING_APPROVAL while steps remain). */
  status: OrderStatus;
  /** Set when this approval was the last one: what placing the order gave. */
  placement: TPlacementOutcome | null;
};

/**
 * Approves one step of an approval request of the actor's organisation: only the current step
 * (step n+1 after step n), only by a role that may decide it, never by the buyer who asked.
 * Idempotent: a step already approved changes nothing (the order row is locked, so concurrent
 * approvals of one step record one decision). The last approval then asks checkout to re-validate
 * and place the order, after the commit; approving that step again a minute later retries a
 * placement that failed. Audited.
 */
export async function approveApprovalStep({
  actor,
  organisationId,
  stepId,
  comment = "",
  now = new Date(),
}: {
  actor: TSessionUser;
  organisationId: string;
  stepId: string;
  comment?: string;
  now?: Date;
}): Promise<TApproveResult> {
  const decided = await db.$transaction(async (tx) => {
    const step = await tx.approvalStep.findFirst({
      where: { id: stepId, order: { organisationId } },
      select: { orderId: true },
    });
    if (!step) throw new AppError("NOT_FOUND", "No such approval request in your organisation.");
    const request = await lockApprovalRequest(tx, organisationId, step.orderId);
    const target = request.approvalSteps.find((candidate) => candidate.id === stepId)!;
    if (request.buyerId === actor.id) throw new AppError("FORBIDDEN", "You cannot decide your own approval request.");
    if (target.status === "APPROVED") {
      // Every step approved but still pending: placing failed earlier (Medusa down). Asking again
      // retries it — placeApprovedOrder is idempotent — but not while the first attempt may still run.
      const retry =
        request.status === "PENDING_APPROVAL" &&
        (!request.approvalExpiresAt || request.approvalExpiresAt > now) &&
        request.approvalSteps.every((candidate) => candidate.status === "APPROVED") &&
        (target.decidedAt?.getTime() ?? 0) <= now.getTime() - PLACEMENT_RETRY_AFTER_MS;
      return {
        changed: false,
        orderId: request.id,
        reference: request.reference,
        status: request.status,
        isLast: retry,
      };
    }

    const current = assertMayDecide(request, actor, now, canDecideRole);
    if (current.id !== target.id) {
      throw new AppError("INVALID_STATE", `Step ${current.position} of ${request.reference} must be decided first.`);
    }
    await tx.approvalStep.update({
      where: { id: target.id, status: "WAITING" },
      data: { status: "APPROVED", decidedById: actor.id, decidedAt: now, comment: comment || null },
    });
    const isLast = request.approvalSteps.every(
      (candidate) => candidate.id === target.id || candidate.status === "APPROVED",
    );
    await recordAudit(tx, {
      actor,
      action: "approval.step-approved",
      entityType: "order",
      entityId: request.id,
      organisationId,
      before: { step: target.position, status: "WAITING" },
      after: { step: target.position, status: "APPROVED", comment: comment || null, lastStep: isLast },
    });
    await notifyApprovalProgress(tx, {
      orderId: request.id,
      decision: isLast ? "APPROVED" : "NEXT_STEP",
      decider: actor,
      comment: comment || null,
    });

    return { changed: true, orderId: request.id, reference: request.reference, status: request.status, isLast };
  });

  if (!decided.isLast)
    return { changed: decided.changed, reference: decided.reference, status: decided.status, placement: null };

  const { orderId } = decided;
  const placement = await placeAfterApproval({ orderId, actor }).catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    return { status: "PENDING", message: `approved, but the order could not be placed yet: ${error.message}` } as const;
  });
  const after = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });

  return { changed: decided.changed, reference: decided.reference, status: after.status, placement };
}
