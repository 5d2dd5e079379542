import "server-only";
import { randomUUID } from "node:crypto";
import { todayIn } from "@/lib/checkout/checkout-input";
import { priceFingerprint, type TPriceChange } from "@/lib/checkout/price-changes";
import { carrierChoices, shippingLine, type TCarrierChoice } from "@/lib/checkout/shipping";
import type { TBreakdownLine } from "@/lib/pricing/types";
import type { TSessionUser } from "@/server/auth/session";
import { loadCheckoutContext, type TCheckoutAddress } from "@/server/checkout/checkout-context";
import { repriceLines, type TLineRefusal } from "@/server/checkout/reprice-lines";

export type TCheckoutLineView = {
  id: string;
  title: string;
  sku: string;
  summary: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  breakdown: TBreakdownLine[];
};

/** A line of the cart that cannot be ordered as it is (its refusal says why). */
export type TRefusedLineView = { id: string; title: string; quantity: number; reason: string };

export type TCheckoutView = {
  checkoutKey: string;
  currency: string;
  organisationName: string;
  lines: TCheckoutLineView[];
  /** Shown in the summary too, so that it lists every line of the cart. */
  refusedLines: TRefusedLineView[];
  refusals: TLineRefusal[];
  priceChanges: TPriceChange[];
  /** Accepting the changes shown accepts exactly these prices. */
  priceFingerprint: string | null;
  subtotalMinor: number;
  addresses: TCheckoutAddress[];
  billingAddress: TCheckoutAddress | null;
  /** Shipping methods (and their cost for this cart) per delivery address id. */
  carriersByAddress: Record<number, TCarrierChoice[]>;
  poNumberRequired: boolean;
  paymentTermName: string | null;
  today: string;
  timeZone: string;
  linked: boolean;
};

/**
 * What the checkout page shows: the cart priced now (read only), the organisation's cached
 * delivery addresses, the carriers that deliver to each with their locally computed cost, the
 * payment terms, and a fresh key for this checkout attempt. Null when the buyer has no open cart.
 * Never calls Odoo; one Medusa read (the cart).
 */
export async function getCheckoutView(user: TSessionUser): Promise<TCheckoutView | null> {
  const context = await loadCheckoutContext(user);
  const cart = context.cart;
  const items = cart?.cart.items ?? [];
  if (!cart || !items.length) return null;
  const { lines, refusals, changes } = await repriceLines(items, {
    organisationId: context.organisation.id,
    currency: cart.currency,
    pricing: context.pricing,
  });
  const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const shippingLines = lines.map(shippingLine);

  return {
    checkoutKey: randomUUID(),
    currency: cart.currency,
    organisationName: context.organisation.name,
    lines: lines.map((line) => ({
      id: line.lineId,
      title: line.title,
      sku: line.sku,
      summary: line.summary,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      lineTotalMinor: line.lineTotalMinor,
      breakdown: line.breakdown,
    })),
    refusedLines: items.flatMap((item) => {
      const refusal = refusals.find((candidate) => candidate.lineId === item.id);
      return refusal
        ? [{ id: item.id, title: refusal.title ?? "A line", quantity: item.quantity, reason: refusal.reason }]
        : [];
    }),
    refusals,
    priceChanges: changes,
    priceFingerprint: changes.length ? priceFingerprint(changes) : null,
    subtotalMinor,
    addresses: context.deliveryAddresses,
    billingAddress: context.billingAddress,
    carriersByAddress: Object.fromEntries(
      context.deliveryAddresses.map((address) => [
        address.id,
        carrierChoices(context.carriers, {
          currency: cart.currency,
          countryCode: address.countryCode ?? "",
          amountMinor: subtotalMinor,
          lines: shippingLines,
        }),
      ]),
    ),
    poNumberRequired: context.organisation.poNumberRequired,
    paymentTermName: context.customer?.paymentTermName ?? null,
    today: todayIn(context.organisation.timeZone),
    timeZone: context.organisation.timeZone,
    linked: context.customer !== null,
  };
}
