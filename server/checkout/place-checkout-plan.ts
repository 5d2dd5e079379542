import "server-only";
import type { TOrderPlacedRecipient } from "@/server/checkout/enqueue-order-placed-email";
import { lineMetadata, orderMetadata, toMedusaAddress } from "@/server/checkout/order-metadata";
import { recordPlacedOrder, type TRecordedOrder } from "@/server/checkout/record-placed-order";
import type { TCheckoutPlan } from "@/server/checkout/validate-checkout";
import { findMedusaOrderOfCart, placeMedusaOrder } from "@/server/medusa/place-medusa-order";

export type TPlacementIds = {
  orderId: string;
  reference: string;
  checkoutKey: string | null;
  organisationId: string;
  organisationName: string;
  buyerId: string;
  email: string;
  medusaCartId: string;
  approvalReference: string | null;
};

/**
 * Places a validated plan in Medusa (one call; idempotent per cart) and records the order that
 * Medusa holds — the first caller's when several raced — in one local transaction with its push
 * job. A Medusa failure records nothing (UPSTREAM_FAILED, the cart stays as it was).
 */
export async function placeCheckoutPlan(
  plan: TCheckoutPlan,
  ids: TPlacementIds,
  { recipient }: { recipient?: TOrderPlacedRecipient } = {},
): Promise<TRecordedOrder> {
  const placed = await placeMedusaOrder({
    cartId: ids.medusaCartId,
    currency: plan.currency,
    email: ids.email,
    shippingAddress: toMedusaAddress(plan.address, ids.organisationName),
    billingAddress: toMedusaAddress(plan.billingAddress, ids.organisationName),
    shipping: { name: plan.carrier.name, amountMinor: plan.carrier.priceMinor, carrierId: plan.carrier.id },
    metadata: { tradepost: orderMetadata(plan, ids) },
    lines: plan.lines.map((line) => ({
      id: line.lineId,
      unitPriceMinor: line.unitPriceMinor,
      metadata: { tradepost: lineMetadata(line) },
    })),
  }).catch(async (error: unknown) => {
    // No answer (timeout, lost connection) does not mean no order: Medusa may have completed the
    // cart. If it did, that order is the one; if not, the cart is as it was and the error stands
    // (and should Medusa complete it later, recovery records it).
    const order = await findMedusaOrderOfCart(ids.medusaCartId).catch(() => null);
    if (!order) throw error;
    return { order, created: false };
  });

  return recordPlacedOrder(placed.order, { fresh: placed.created && ids.approvalReference === null, recipient });
}
