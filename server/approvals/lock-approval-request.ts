import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * Locks an approval request's order row for the rest of the transaction and reads it with its
 * steps. Every decision and the expiry take this lock first, so two decisions on one request
 * run one after the other and the second sees the first. Another organisation's order is NOT_FOUND.
 */
export async function lockApprovalRequest(tx: Prisma.TransactionClient, organisationId: string, orderId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Order" WHERE id = ${orderId}::uuid AND "organisationId" = ${organisationId}::uuid FOR UPDATE`;
  if (!locked.length) throw new AppError("NOT_FOUND", "No such approval request in your organisation.");

  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      reference: true,
      status: true,
      buyerId: true,
      totalMinor: true,
      currency: true,
      approvalExpiresAt: true,
      approvalSteps: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, status: true, requiredRole: true, reason: true, decidedAt: true },
      },
    },
  });
}

export type TLockedApprovalRequest = Awaited<ReturnType<typeof lockApprovalRequest>>;

const STATUS_WORDS: Record<string, string> = {
  REJECTED: "was rejected",
  EXPIRED: "has expired",
  RETURNED: "was returned to the buyer",
  PLACED: "has been placed",
  CANCELLED: "was cancelled",
};

/**
 * The checks every decision makes, in this order: still pending, not the decider's own request,
 * not expired, the decider's role may decide the current step. Returns the current step.
 */
export function assertMayDecide(
  request: TLockedApprovalRequest,
  actor: { id: string; role: string },
  now: Date,
  canDecide: (role: string, requiredRole: string) => boolean,
) {
  if (request.buyerId === actor.id) throw new AppError("FORBIDDEN", "You cannot decide your own approval request.");
  if (request.status !== "PENDING_APPROVAL") {
    throw new AppError("INVALID_STATE", `Order ${request.reference} ${STATUS_WORDS[request.status] ?? "is closed"}.`);
  }
  if (request.approvalExpiresAt && request.approvalExpiresAt <= now) {
    throw new AppError("INVALID_STATE", `The approval request ${request.reference} has expired.`);
  }
  const current = request.approvalSteps.find((step) => step.status === "WAITING");
  if (!current) throw new AppError("INVALID_STATE", `Every approval of ${request.reference} has been given.`);
  if (!canDecide(actor.role, current.requiredRole)) {
    const who = current.requiredRole === "ORG_ADMIN" ? "an org admin" : "an approver";
    throw new AppError("FORBIDDEN", `Step ${current.position} of ${request.reference} must be decided by ${who}.`);
  }

  return current;
}
