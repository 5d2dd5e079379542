import "server-only";
import { canDecideRole, ROLE_LABEL, type TApproverRole } from "@/lib/approvals/plan-approvals";
import { db } from "@/server/db";

export type TApprovalStepView = {
  id: string;
  position: number;
  reason: string;
  requiredRole: TApproverRole;
  status: "WAITING" | "APPROVED" | "REJECTED";
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
};

export type TPendingApproval = {
  orderId: string;
  reference: string;
  submittedAt: Date;
  expiresAt: Date | null;
  buyer: { id: string; name: string; email: string } | null;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  poNumber: string | null;
  notes: string | null;
  lines: {
    position: number;
    sku: string;
    title: string;
    description: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
  }[];
  steps: TApprovalStepView[];
  /** The step whose turn it is (null once every step is approved and the order is being placed). */
  currentStep: TApprovalStepView | null;
  /** "Waiting for an org admin (step 2 of 2)". */
  waitingFor: string;
  /** Every step approved but placing failed: approving this (last) step again retries it. */
  placementRetryStepId: string | null;
  /** Whether the viewer may decide the current step, or why not. */
  viewerMay: { decide: true } | { decide: false; why: string };
};

/**
 * The approval requests of the viewer's organisation that wait for a decision, oldest first, with
 * their lines, totals, buyer, steps and whose turn it is. Scoped to `organisationId` in the query.
 */
export async function findPendingApprovals({
  viewer,
  organisationId,
}: {
  viewer: { id: string; role: string };
  organisationId: string;
}): Promise<TPendingApproval[]> {
  const orders = await db.order.findMany({
    where: { organisationId, status: "PENDING_APPROVAL" },
    orderBy: { submittedAt: "asc" },
    take: 200,
    include: {
      lines: { orderBy: { position: "asc" } },
      approvalSteps: { orderBy: { position: "asc" } },
    },
  });
  const userIds = new Set<string>();
  for (const order of orders) {
    if (order.buyerId) userIds.add(order.buyerId);
    for (const step of order.approvalSteps) if (step.decidedById) userIds.add(step.decidedById);
  }
  const users = await db.user.findMany({
    where: { id: { in: [...userIds] }, organisationId },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));

  return orders.map((order) => {
    const steps: TApprovalStepView[] = order.approvalSteps.map((step) => ({
      id: step.id,
      position: step.position,
      reason: step.reason,
      requiredRole: step.requiredRole === "APPROVER" ? "APPROVER" : "ORG_ADMIN",
      status: step.status,
      decidedBy: step.decidedById ? (byId.get(step.decidedById)?.name ?? "a former member") : null,
      decidedAt: step.decidedAt,
      comment: step.comment,
    }));
    const currentStep = steps.find((step) => step.status === "WAITING") ?? null;

    return {
      orderId: order.id,
      reference: order.reference,
      submittedAt: order.submittedAt,
      expiresAt: order.approvalExpiresAt,
      buyer: order.buyerId ? (byId.get(order.buyerId) ?? null) : null,
      currency: order.currency,
      subtotalMinor: order.subtotalMinor,
      shippingMinor: order.shippingMinor,
      taxMinor: order.taxMinor,
      totalMinor: order.totalMinor,
      poNumber: order.poNumber,
      notes: order.notes,
      lines: order.lines.map(({ position, sku, title, description, quantity, unitPriceMinor, lineTotalMinor }) => ({
        position,
        sku,
        title,
        description,
        quantity,
        unitPriceMinor,
        lineTotalMinor,
      })),
      steps,
      currentStep,
      waitingFor: currentStep
        ? `Waiting for ${currentStep.requiredRole === "ORG_ADMIN" ? "an org admin" : "an approver"} ` +
          `(step ${currentStep.position} of ${steps.length})`
        : "Approved: waiting to be placed",
      placementRetryStepId:
        !currentStep && order.buyerId !== viewer.id && steps.length ? (steps[steps.length - 1]?.id ?? null) : null,
      viewerMay: viewerMay(viewer, order.buyerId, currentStep, order.approvalExpiresAt),
    };
  });
}

function viewerMay(
  viewer: { id: string; role: string },
  buyerId: string | null,
  current: TApprovalStepView | null,
  expiresAt: Date | null,
): TPendingApproval["viewerMay"] {
  if (buyerId === viewer.id) return { decide: false, why: "This is your own request: someone else must decide it." };
  if (!current) return { decide: false, why: "Every step is approved." };
  if (expiresAt && expiresAt <= new Date()) return { decide: false, why: "This request has expired." };
  if (!canDecideRole(viewer.role, current.requiredRole)) {
    return { decide: false, why: `This step is for ${ROLE_LABEL[current.requiredRole]}s.` };
  }

  return { decide: true };
}
