import "server-only";
import { randomUUID } from "node:crypto";
import { describeReasons } from "@/lib/checkout/price-changes";
import { hasCreditLimit } from "@/lib/checkout/totals";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/pricing/units";
import type { TSessionUser } from "@/server/auth/session";
import { loadCheckoutContext, readErpCustomer } from "@/server/checkout/checkout-context";
import { lockCheckoutLimits } from "@/server/checkout/checkout-locks";
import { placeCheckoutPlan } from "@/server/checkout/place-checkout-plan";
import { recordPlacedOrder } from "@/server/checkout/record-placed-order";
import { validateCheckout, type TCheckoutValidation } from "@/server/checkout/validate-checkout";
import { db } from "@/server/db";
import { getMedusaCart } from "@/server/medusa/carts";
import { findMedusaOrderOfCart } from "@/server/medusa/place-medusa-order";

export type TPlaceApprovedOrderResult =
  { outcome: "placed"; orderId: string; reference: string } | { outcome: "returned"; orderId: string; reason: string };

function returnReason(validation: Extract<TCheckoutValidation, { ok: false }>, currency: string): string {
  const money = (minor: number) => formatMoney(minor, currency);
  const parts = [
    ...validation.priceChanges.map(
      (change) =>
        `${change.title}: ${money(change.fromMinor)} → ${money(change.toMinor)} per unit (${describeReasons(change.reasons).toLowerCase()})`,
    ),
    ...validation.refusals.map((refusal) => (refusal.title ? `${refusal.title}: ${refusal.reason}` : refusal.reason)),
    ...Object.values(validation.fieldErrors).flat(),
  ];
  const text = `Returned at approval: ${parts.join("; ")}`;

  return text.length > 1000 ? `${text.slice(0, 997)}…` : text;
}

/**
 * Places an approved request (called by the approvals work once the last step is approved):
 * re-validates the frozen cart at this moment against the prices locked at request time; any
 * change (price, stock, credit, standing, address) sends it back to the buyer as RETURNED with
 * the differences in `decisionReason`; otherwise it is placed in Medusa through the same one-call
 * route and recorded with its push job. Idempotent: a placed order is returned as placed, and a
 * cart Medusa already completed is recorded instead of placed again.
 */
export async function placeApprovedOrder(orderId: string): Promise<TPlaceApprovedOrderResult> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: { lines: true, organisation: { select: { name: true } } },
  });
  if (!order) throw new AppError("NOT_FOUND", "Not found.");
  if (order.status === "PLACED") return { outcome: "placed", orderId, reference: order.reference };
  if (order.status !== "PENDING_APPROVAL" || !order.medusaCartId || !order.buyerId)
    throw new AppError("INVALID_STATE", `Order ${order.reference} is not waiting for approval.`);
  const buyer = await db.user.findUniqueOrThrow({ where: { id: order.buyerId } });
  const cart = await getMedusaCart(order.medusaCartId);
  if (!cart) throw new AppError("INVALID_STATE", `The cart of order ${order.reference} no longer exists in the store.`);
  if (cart.completed_at) {
    const medusa = await findMedusaOrderOfCart(order.medusaCartId);
    if (!medusa)
      throw new AppError("INVALID_STATE", `The cart of order ${order.reference} is completed without an order.`);
    const recorded = await recordPlacedOrder(medusa);
    return { outcome: "placed", orderId: recorded.id, reference: recorded.reference };
  }

  const user: TSessionUser = {
    id: buyer.id,
    email: buyer.email,
    name: buyer.name,
    role: buyer.role,
    organisationId: order.organisationId,
    organisationName: order.organisation.name,
  };
  // The request's spend already counts against the buyer's limit; its credit counts only once placed,
  // so placing it takes the organisation's credit lock, as a checkout of the organisation does.
  const customer = readErpCustomer(order.organisationId);
  const lock = await lockCheckoutLimits({
    organisationId: order.organisationId,
    buyerId: buyer.id,
    creditLimited: hasCreditLimit((await customer)?.creditLimitMinor ?? null),
    spendingLimited: false,
  });
  try {
    const context = await loadCheckoutContext(user, { withCart: false, customer });
    context.cart = { medusaCartId: order.medusaCartId, currency: order.currency, cart };
    const validation = await validateCheckout(
      context,
      cart.items ?? [],
      {
        checkoutKey: order.checkoutKey ?? randomUUID(),
        addressId: order.odooAddressId ?? 0,
        carrierId: order.carrierId ?? 0,
        poNumber: order.poNumber ?? "",
        notes: order.notes ?? "",
        // The date was checked when the buyer asked; it is the buyer's to change, not a reason to refuse now.
        requestedDeliveryDate: "",
        acceptedPrices: "",
      },
      {
        agreedPrices: new Map(
          order.lines.flatMap((line) => (line.medusaLineId ? [[line.medusaLineId, line.unitPriceMinor]] : [])),
        ),
      },
    );
    if (!validation.ok) {
      const reason = returnReason(validation, order.currency);
      await db.order.updateMany({
        where: { id: orderId, status: "PENDING_APPROVAL" },
        data: { status: "RETURNED", decisionReason: reason },
      });
      return { outcome: "returned", orderId, reason };
    }
    const plan = {
      ...validation.plan,
      requestedDeliveryDate: order.requestedDeliveryDate?.toISOString().slice(0, 10) ?? null,
    };
    const recorded = await placeCheckoutPlan(plan, {
      orderId,
      reference: order.reference,
      checkoutKey: order.checkoutKey,
      organisationId: order.organisationId,
      organisationName: context.customer?.name ?? order.organisation.name,
      buyerId: buyer.id,
      email: buyer.email,
      medusaCartId: order.medusaCartId,
      approvalReference: order.reference,
    });

    return { outcome: "placed", orderId: recorded.id, reference: recorded.reference };
  } finally {
    lock?.release();
  }
}
