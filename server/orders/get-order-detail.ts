import "server-only";
import { z } from "zod";
import type { ApprovalStepStatus, OrderSource, OrderStatus, PushStatus, Role } from "@/generated/prisma/enums";
import { ZBreakdownLine } from "@/lib/cart/line-metadata";
import { AppError } from "@/lib/errors";
import { addressLines } from "@/lib/orders/address-lines";
import type { TBreakdownLine } from "@/lib/pricing/types";
import { hasPermission } from "@/server/auth/permissions";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { peopleOf, readableOrders } from "@/server/orders/order-scope";

export type TOrderDetailLine = {
  position: number;
  title: string;
  sku: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  breakdown: TBreakdownLine[];
  deliveredQuantity: number;
};

export type TApprovalStepView = {
  position: number;
  reason: string;
  requiredRole: Role;
  status: ApprovalStepStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
};

export type TOrderDetail = {
  id: string;
  reference: string;
  status: OrderStatus;
  pushStatus: PushStatus;
  source: OrderSource;
  buyer: { name: string; email: string } | null;
  isOwn: boolean;
  submittedAt: Date;
  placedAt: Date | null;
  cancelledAt: Date | null;
  odooOrderName: string | null;
  poNumber: string | null;
  notes: string | null;
  requestedDeliveryDate: Date | null;
  carrierName: string | null;
  paymentTermName: string | null;
  address: string[];
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  approvalExpiresAt: Date | null;
  decisionReason: string | null;
  approvalSteps: TApprovalStepView[];
  lines: TOrderDetailLine[];
  canReorder: boolean;
};

const ZBreakdown = z.array(ZBreakdownLine).catch([]);

/**
 * One order as its reader may see it: the buyer's own, or any of the organisation's for org
 * admins and approvers. Anything else — another organisation's, a colleague's for a buyer, an
 * id that does not exist or is not an id — is the same NOT_FOUND. Reads only.
 */
export async function getOrderDetailOrThrow(user: TSessionUser, orderId: string): Promise<TOrderDetail> {
  const notFound = new AppError("NOT_FOUND", "There is no such order.");
  if (!z.uuid().safeParse(orderId).success) throw notFound;
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, readableOrders(user)] },
    include: { lines: { orderBy: { position: "asc" } }, approvalSteps: { orderBy: { position: "asc" } } },
  });
  if (!order) throw notFound;
  const people = await peopleOf(db, order.organisationId, [
    order.buyerId,
    ...order.approvalSteps.map((step) => step.decidedById),
  ]);

  return {
    id: order.id,
    reference: order.reference,
    status: order.status,
    pushStatus: order.pushStatus,
    source: order.source,
    submittedAt: order.submittedAt,
    placedAt: order.placedAt,
    cancelledAt: order.cancelledAt,
    odooOrderName: order.odooOrderName,
    poNumber: order.poNumber,
    notes: order.notes,
    requestedDeliveryDate: order.requestedDeliveryDate,
    carrierName: order.carrierName,
    paymentTermName: order.paymentTermName,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
    approvalExpiresAt: order.approvalExpiresAt,
    decisionReason: order.decisionReason,
    buyer: order.buyerId ? (people.get(order.buyerId) ?? null) : null,
    isOwn: order.buyerId === user.id,
    address: addressLines(order.shippingAddress),
    approvalSteps: order.approvalSteps.map((step) => ({
      position: step.position,
      reason: step.reason,
      requiredRole: step.requiredRole,
      status: step.status,
      decidedBy: step.decidedById ? (people.get(step.decidedById)?.name ?? "A former member") : null,
      decidedAt: step.decidedAt,
      comment: step.comment,
    })),
    lines: order.lines.map((line) => ({
      position: line.position,
      title: line.title,
      sku: line.sku,
      description: line.description,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      lineTotalMinor: line.lineTotalMinor,
      breakdown: ZBreakdown.parse(line.breakdown),
      deliveredQuantity: line.deliveredQuantity,
    })),
    canReorder: hasPermission(user.role, "cart.manage") && order.lines.length > 0,
  };
}
