import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { TCheckoutInput } from "@/lib/checkout/checkout-input";
import type { TPriceChange } from "@/lib/checkout/price-changes";
import { hasCreditLimit } from "@/lib/checkout/totals";
import { AppError, type TFieldErrors } from "@/lib/errors";
import { buyerSpendingFacts, findActiveRules, isNewDeliveryAddress } from "@/server/approvals/approval-facts";
import { requiredApprovals, type TKnownApprovalFacts } from "@/server/approvals/required-approvals";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import {
  loadCheckoutContext,
  openOrdersTotal,
  readBuyerLimit,
  readErpCustomer,
  type TCheckoutContext,
} from "@/server/checkout/checkout-context";
import { lockCheckoutLimits } from "@/server/checkout/checkout-locks";
import { placeCheckoutPlan } from "@/server/checkout/place-checkout-plan";
import { recordPlacedOrder } from "@/server/checkout/record-placed-order";
import type { TLineRefusal } from "@/server/checkout/reprice-lines";
import { requestApproval } from "@/server/checkout/request-approval";
import { validateCheckout, type TCheckoutPlan } from "@/server/checkout/validate-checkout";
import { db } from "@/server/db";
import { findMedusaOrderOfCart } from "@/server/medusa/place-medusa-order";

export type TSubmitCheckoutResult =
  | { outcome: "placed" | "approval-requested"; orderId: string; reference: string }
  | {
      outcome: "refused";
      fieldErrors: TFieldErrors;
      refusals: TLineRefusal[];
      priceChanges: TPriceChange[];
      priceFingerprint: string | null;
    };

type TOrderRow = { id: string; reference: string; status: string; organisationId: string; buyerId: string | null };

function outcomeOf(order: TOrderRow, user: TSessionUser): TSubmitCheckoutResult {
  // Another buyer's attempt or cart is not theirs to see.
  if (order.organisationId !== user.organisationId || order.buyerId !== user.id)
    throw new AppError("NOT_FOUND", "Not found.");
  const outcome = order.status === "PENDING_APPROVAL" ? "approval-requested" : "placed";

  return { outcome, orderId: order.id, reference: order.reference };
}

const ORDER_ROW = { id: true, reference: true, status: true, organisationId: true, buyerId: true } as const;

/** The order the buyer's last cart became, if it did (another tab, or a transaction lost after Medusa completed). */
async function orderOfCompletedCart(user: TSessionUser): Promise<TOrderRow | null> {
  const row = await db.buyerCart.findUnique({ where: { userId: user.id }, select: { medusaCartId: true } });
  if (!row) return null;
  const local = await db.order.findUnique({ where: { medusaCartId: row.medusaCartId }, select: ORDER_ROW });
  if (local) return local;
  const medusa = await findMedusaOrderOfCart(row.medusaCartId);
  if (!medusa) return null;
  const recorded = await recordPlacedOrder(medusa);

  return db.order.findUnique({ where: { id: recorded.id }, select: ORDER_ROW });
}

/**
 * Submits the buyer's checkout: re-validates everything (validateCheckout), then either places
 * the order (Medusa in one call, then one local transaction with the push job) or, when the
 * organisation's rules require approvals, records an approval request. Exactly once per attempt:
 * `checkoutKey` finds a previous outcome, Medusa completes a cart once, and the unique keys on
 * Order (checkoutKey, medusaCartId, medusaOrderId) let one writer win. Works only on the caller's own cart.
 */
export async function submitCheckout(user: TSessionUser, input: TCheckoutInput): Promise<TSubmitCheckoutResult> {
  const organisationId = organisationIdOf(user);
  // From reading what counts against a limit (the organisation's open orders against its credit,
  // the buyer's spend in the period) to recording this order, no other checkout under the same
  // limit may run: it would read the same figures, and two that each fit would both place. The
  // lock is asked for as soon as the limits are read, so that it is (usually) held by the time
  // Medusa's cart read returns; a refused checkout just lets go of it.
  const buyerLimit = readBuyerLimit(user);
  const customer = readErpCustomer(organisationId);
  const creditLimited = customer.then((partner) => hasCreditLimit(partner?.creditLimitMinor ?? null));
  const locking = Promise.all([buyerLimit, creditLimited]).then(([limit, credit]) =>
    lockCheckoutLimits({
      organisationId,
      buyerId: user.id,
      creditLimited: credit,
      spendingLimited: limit?.spendingLimitMinor != null,
    }),
  );
  locking.catch(() => undefined); // awaited below, or dropped with a refusal
  // Under a credit limit the open orders are read once the lock is held; without one they are
  // only informative, read side by side.
  const openOrdersMinor = creditLimited.then((credit) =>
    credit ? locking.then(() => openOrdersTotal(organisationId)) : openOrdersTotal(organisationId),
  );
  try {
    // Side by side with Medusa's cart read, everything that does not need the cart's lines: a
    // repeated attempt (rare) wastes the reads; a first one waits for the slowest of them only.
    const [previous, context, rules, addressIsNew] = await Promise.all([
      db.order.findUnique({ where: { checkoutKey: input.checkoutKey }, select: ORDER_ROW }),
      loadCheckoutContext(user, { buyerLimit, customer, openOrdersMinor }),
      findActiveRules(organisationId),
      isNewDeliveryAddress(organisationId, input.addressId),
    ]);
    if (previous) return outcomeOf(previous, user);
    const cart = context.cart;
    if (!cart) {
      const placed = await orderOfCompletedCart(user);
      if (placed) return outcomeOf(placed, user);
      throw new AppError("NOT_FOUND", "Your cart is empty.");
    }
    // The period's spend is read as soon as the lock is held, beside validation (the currency is
    // the cart's, as the plan's is).
    const spending = locking.then(() =>
      buyerSpendingFacts({
        organisationId,
        buyerId: user.id,
        currency: cart.currency,
        known: context.buyerLimit ?? undefined,
      }),
    );
    spending.catch(() => undefined); // awaited below, or dropped with a refusal
    const validation = await validateCheckout(context, cart.cart.items ?? [], input);
    if (!validation.ok) return { outcome: "refused", ...validation };

    return await placeOrRequestApproval(user, context, validation.plan, input.checkoutKey, {
      rules,
      addressIsNew,
      spending: await spending,
    });
  } finally {
    void locking.then(
      (lock) => lock?.release(),
      () => undefined,
    );
  }
}

async function placeOrRequestApproval(
  user: TSessionUser,
  context: TCheckoutContext,
  plan: TCheckoutPlan,
  checkoutKey: string,
  known: TKnownApprovalFacts,
): Promise<TSubmitCheckoutResult> {
  const organisationId = organisationIdOf(user);
  const medusaCartId = context.cart!.medusaCartId;
  const [approvals, [allocated]] = await Promise.all([
    requiredApprovals({
      organisationId,
      buyerId: user.id,
      currency: plan.currency,
      totalMinor: plan.totals.totalBeforeTaxMinor,
      categoryHandles: [...new Set(plan.lines.flatMap((line) => line.categoryHandles))],
      odooAddressId: plan.address.id,
      buyerLimit: context.buyerLimit ?? undefined,
      known,
    }),
    db.$queryRaw<{ reference: string }[]>`
      SELECT 'TP-' || lpad(nextval('order_reference_seq')::text, 6, '0') AS reference`,
  ]);
  const ids = {
    orderId: randomUUID(),
    reference: allocated!.reference,
    checkoutKey,
    organisationId,
    organisationName: context.customer?.name ?? context.organisation.name,
    buyerId: user.id,
    email: user.email,
    medusaCartId,
    approvalReference: null,
  };
  if (!approvals.length) {
    // The buyer is the signed-in user, read from the database at the start of this request.
    const placed = await placeCheckoutPlan(plan, ids, {
      recipient: { email: user.email, name: user.name, isActive: true },
    });
    return { outcome: "placed", orderId: placed.id, reference: placed.reference };
  }

  try {
    await requestApproval(plan, ids, approvals, { approvalWindowHours: context.organisation.approvalWindowHours });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const winner = await db.order.findFirst({
      where: { OR: [{ checkoutKey }, { medusaCartId }] },
      select: ORDER_ROW,
    });
    if (!winner) throw error;
    return outcomeOf(winner, user);
  }

  return { outcome: "approval-requested", orderId: ids.orderId, reference: ids.reference };
}
