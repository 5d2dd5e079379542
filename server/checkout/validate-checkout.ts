import "server-only";
import { isPastDate, todayIn, type TCheckoutInput } from "@/lib/checkout/checkout-input";
import { priceFingerprint, type TPriceChange } from "@/lib/checkout/price-changes";
import { carrierChoices, shippingLine, type TCarrierChoice } from "@/lib/checkout/shipping";
import { checkoutTotals, creditCheck, type TCheckoutTotals } from "@/lib/checkout/totals";
import type { TFieldErrors } from "@/lib/errors";
import { formatMoney } from "@/lib/pricing/units";
import { checkLineStock } from "@/server/checkout/check-line-stock";
import type { TCheckoutAddress, TCheckoutContext } from "@/server/checkout/checkout-context";
import { repriceLines, type TLineRefusal, type TRepricedLine } from "@/server/checkout/reprice-lines";
import type { TMedusaCartLine } from "@/server/medusa/types";

export type TCheckoutPlan = {
  currency: string;
  address: TCheckoutAddress;
  billingAddress: TCheckoutAddress;
  carrier: TCarrierChoice;
  poNumber: string | null;
  notes: string | null;
  requestedDeliveryDate: string | null;
  paymentTermName: string | null;
  lines: TRepricedLine[];
  totals: TCheckoutTotals;
};

export type TCheckoutValidation =
  | { ok: true; plan: TCheckoutPlan }
  | {
      ok: false;
      fieldErrors: TFieldErrors;
      refusals: TLineRefusal[];
      priceChanges: TPriceChange[];
      /** Send back as `acceptedPrices` to accept exactly these changes. */
      priceFingerprint: string | null;
    };

/**
 * THE re-validation of a checkout, run on every submit and again when an approval is given:
 * the inputs against the organisation's cached ERP data (address, carrier for that destination,
 * PO number, delivery date), the organisation's standing (suspended, blocked in Odoo), every line
 * re-priced through the priced-line pipeline with its quote checked (a changed price needs the
 * buyer's acceptance of exactly the new prices), stock from the cache (bounded refresh when
 * stale) and the credit limit. Every refusal names the line or the reason. Reads only.
 */
export async function validateCheckout(
  context: TCheckoutContext,
  items: readonly TMedusaCartLine[],
  input: TCheckoutInput,
  { now = new Date(), agreedPrices }: { now?: Date; agreedPrices?: ReadonlyMap<string, number> } = {},
): Promise<TCheckoutValidation> {
  const { organisation, customer } = context;
  const currency = context.cart?.currency ?? customer?.currency ?? "EUR";
  const fieldErrors: TFieldErrors = {};
  const refusals: TLineRefusal[] = [];
  const refuse = (reason: string) => refusals.push({ lineId: null, title: null, reason });

  if (organisation.status !== "ACTIVE") refuse("Your organisation's account is suspended; orders cannot be placed.");
  if (!customer) refuse("Your organisation is not linked to its ERP account yet; orders cannot be placed.");
  else if (!customer.active)
    refuse("Your organisation's account is blocked in our ERP; please contact your sales representative.");
  if (!items.length) refuse("Your cart is empty.");

  const address = context.deliveryAddresses.find((candidate) => candidate.id === input.addressId);
  if (!address) fieldErrors.addressId = ["Choose one of your organisation's delivery addresses."];
  if (organisation.poNumberRequired && !input.poNumber)
    fieldErrors.poNumber = ["Your organisation requires a purchase-order number."];
  const today = todayIn(organisation.timeZone, now);
  if (input.requestedDeliveryDate && isPastDate(input.requestedDeliveryDate, today))
    fieldErrors.requestedDeliveryDate = ["The delivery date cannot be in the past."];

  const repriced = await repriceLines(items, {
    organisationId: organisation.id,
    currency,
    agreedPrices,
    pricing: context.pricing,
  });
  refusals.push(...repriced.refusals);
  const wanted = new Map<string, number>();
  for (const line of repriced.lines)
    if (!line.configurable) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.quantity);
  const stock = await checkLineStock(wanted, now);
  for (const line of repriced.lines) {
    const shortfall = stock.shortfalls.find((candidate) => candidate.sku === line.sku);
    if (shortfall)
      refusals.push({
        lineId: line.lineId,
        title: line.title,
        reason:
          shortfall.available > 0
            ? `Only ${shortfall.available} in stock (you ordered ${shortfall.wanted}).`
            : "Out of stock.",
      });
    if (stock.unconfirmed.includes(line.sku))
      refusals.push({
        lineId: line.lineId,
        title: line.title,
        reason: "We could not confirm the stock right now; please try again in a few minutes.",
      });
  }

  const subtotal = repriced.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const choices = address
    ? carrierChoices(context.carriers, {
        currency,
        countryCode: address.countryCode ?? "",
        amountMinor: subtotal,
        lines: repriced.lines.map(shippingLine),
      })
    : [];
  const carrier = choices.find((choice) => choice.id === input.carrierId);
  if (address && !carrier) fieldErrors.carrierId = ["This shipping method does not deliver to the chosen address."];
  const totals = checkoutTotals(repriced.lines, carrier?.priceMinor ?? 0);

  if (customer && !refusals.length) {
    const credit = creditCheck({
      limitMinor: customer.creditLimitMinor,
      amountDueMinor: customer.amountDueMinor ?? 0,
      openOrdersMinor: context.openOrdersMinor,
      orderMinor: totals.totalBeforeTaxMinor,
    });
    if (!credit.ok)
      refuse(
        `This order (${formatMoney(totals.totalBeforeTaxMinor, currency)}) is over your organisation's available credit ` +
          `(${formatMoney(credit.availableMinor, currency)}). Please contact your sales representative.`,
      );
  }

  const fingerprint = repriced.changes.length ? priceFingerprint(repriced.changes) : null;
  const pricesAccepted = !fingerprint || input.acceptedPrices === fingerprint;
  if (Object.keys(fieldErrors).length || refusals.length || !pricesAccepted || !address || !carrier)
    return { ok: false, fieldErrors, refusals, priceChanges: repriced.changes, priceFingerprint: fingerprint };

  return {
    ok: true,
    plan: {
      currency,
      address,
      billingAddress: context.billingAddress ?? address,
      carrier,
      poNumber: input.poNumber || null,
      notes: input.notes || null,
      requestedDeliveryDate: input.requestedDeliveryDate || null,
      paymentTermName: customer?.paymentTermName ?? null,
      lines: repriced.lines,
      totals,
    },
  };
}
