import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { enqueueApprovalRequested } from "@/server/approvals/notify-approvals";
import type { TRequiredApproval } from "@/server/approvals/required-approvals";
import { lineMetadata } from "@/server/checkout/order-metadata";
import type { TPlacementIds } from "@/server/checkout/place-checkout-plan";
import type { TCheckoutPlan } from "@/server/checkout/validate-checkout";
import { db } from "@/server/db";

/**
 * Turns a validated checkout into an approval request, in one transaction: the Order
 * (PENDING_APPROVAL, prices locked, expiring after the organisation's approval window) with its
 * lines and one ApprovalStep per required approval, the Medusa cart frozen as the order's
 * (Order.medusaCartId) and the buyer's cart released so they get a fresh one. Nothing in Medusa.
 * A second request for the same attempt or cart hits the unique keys (P2002) and is the caller's to resolve.
 */
export async function requestApproval(
  plan: TCheckoutPlan,
  ids: TPlacementIds,
  approvals: readonly TRequiredApproval[],
  { approvalWindowHours, now = new Date() }: { approvalWindowHours: number; now?: Date },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.order.create({
      data: {
        id: ids.orderId,
        reference: ids.reference,
        checkoutKey: ids.checkoutKey,
        organisationId: ids.organisationId,
        buyerId: ids.buyerId,
        source: "CHECKOUT",
        status: "PENDING_APPROVAL",
        pushStatus: "NOT_APPLICABLE",
        medusaCartId: ids.medusaCartId,
        currency: plan.currency,
        subtotalMinor: plan.totals.subtotalMinor,
        shippingMinor: plan.totals.shippingMinor,
        taxMinor: 0,
        totalMinor: plan.totals.totalBeforeTaxMinor,
        shippingAddress: { ...plan.address } as Prisma.InputJsonValue,
        odooAddressId: plan.address.id,
        carrierId: plan.carrier.id,
        carrierName: plan.carrier.name,
        poNumber: plan.poNumber,
        notes: plan.notes,
        requestedDeliveryDate: plan.requestedDeliveryDate ? new Date(`${plan.requestedDeliveryDate}T00:00:00Z`) : null,
        paymentTermName: plan.paymentTermName,
        approvalExpiresAt: new Date(now.getTime() + approvalWindowHours * 3_600_000),
        submittedAt: now,
        lines: {
          createMany: {
            data: plan.lines.map((line) => ({
              position: line.position,
              sku: line.sku,
              variantId: line.variantId,
              title: line.title,
              description: line.summary || line.title,
              quantity: line.quantity,
              unitPriceMinor: line.unitPriceMinor,
              lineTotalMinor: line.lineTotalMinor,
              configuration: (line.configuration ?? Prisma.DbNull) as Prisma.InputJsonValue,
              breakdown: lineMetadata(line).breakdown,
              pricingVersionId: line.pricingVersionId,
              configuratorVersionId: line.configuratorVersionId,
              quoteId: line.quoteId,
              medusaLineId: line.lineId,
            })),
          },
        },
        approvalSteps: {
          createMany: {
            data: approvals.map((approval, index) => ({
              position: index + 1,
              ruleId: approval.ruleId,
              reason: approval.reason,
              requiredRole: approval.requiredRole,
            })),
          },
        },
      },
    });
    await tx.buyerCart.deleteMany({ where: { userId: ids.buyerId, medusaCartId: ids.medusaCartId } });
    // "Approval requested" to the first step's deciders, committed with the request (outbox).
    await enqueueApprovalRequested(tx, ids.orderId);
  });
}
