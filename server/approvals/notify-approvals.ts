import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { enqueue } from "@/server/jobs/enqueue";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";

export type TApprovalNotice = {
  orderId: string;
  decision: "NEXT_STEP" | "APPROVED" | "REJECTED" | "EXPIRED";
  decider?: { name: string };
  comment?: string | null;
};

/**
 * "Approval requested" to whoever decides the request's current step: the approvers for an
 * approver's step (the org admins when the organisation has no approver), the org admins for
 * theirs; never the buyer. Enqueued in the caller's transaction (outbox), so checkout calls it in
 * the transaction that creates the request, and the approvals call it when a step is approved.
 */
export async function enqueueApprovalRequested(tx: Prisma.TransactionClient, orderId: string): Promise<number> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      organisationId: true,
      reference: true,
      buyerId: true,
      totalMinor: true,
      currency: true,
      approvalSteps: { where: { status: "WAITING" }, orderBy: { position: "asc" }, take: 1 },
    },
  });
  const step = order.approvalSteps[0];
  if (!step) return 0;
  const members = await tx.user.findMany({
    where: { organisationId: order.organisationId, isActive: true, role: { in: ["APPROVER", "ORG_ADMIN"] } },
    select: { id: true, name: true, email: true, role: true },
  });
  const deciders = members.filter((member) => member.id !== order.buyerId);
  const approvers = deciders.filter((member) => member.role === "APPROVER");
  const recipients =
    step.requiredRole === "APPROVER" && approvers.length
      ? approvers
      : deciders.filter((member) => member.role === "ORG_ADMIN");
  const buyer =
    members.find((member) => member.id === order.buyerId) ??
    (order.buyerId ? await tx.user.findUnique({ where: { id: order.buyerId }, select: { name: true } }) : null);
  for (const recipient of recipients) {
    await enqueue(tx, sendEmailJob, {
      template: "approval-requested",
      to: recipient.email,
      data: {
        approverName: recipient.name,
        buyerName: buyer?.name ?? "A former member",
        orderReference: order.reference,
        totalMinor: order.totalMinor,
        currency: order.currency,
        reasons: [step.reason],
        reviewPath: "/approvals",
      },
    });
  }

  return recipients.length;
}

/**
 * After a decision, in its transaction: the next step's deciders are asked, or the buyer hears the
 * decision ("approval decided", with the reason of a rejection). An expired request has no email
 * template yet: the buyer sees it on the order page.
 */
export async function notifyApprovalProgress(tx: Prisma.TransactionClient, notice: TApprovalNotice): Promise<void> {
  if (notice.decision === "NEXT_STEP") {
    await enqueueApprovalRequested(tx, notice.orderId);
    return;
  }
  if (notice.decision === "EXPIRED") return;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: notice.orderId },
    select: { id: true, reference: true, buyerId: true },
  });
  const buyer = order.buyerId
    ? await tx.user.findUnique({ where: { id: order.buyerId }, select: { name: true, email: true, isActive: true } })
    : null;
  if (!buyer?.isActive) return;
  await enqueue(tx, sendEmailJob, {
    template: "approval-decided",
    to: buyer.email,
    data: {
      buyerName: buyer.name,
      orderReference: order.reference,
      decision: notice.decision,
      deciderName: notice.decider?.name ?? "An approver",
      comment: notice.comment ?? null,
      orderPath: `/orders/${order.id}`,
    },
  });
}
