// The order's money, in minor units. Tax is Medusa's (it knows the tax regions); before the
// order exists it is shown as "calculated when the order is placed" unless known.

export type TCheckoutTotals = { subtotalMinor: number; shippingMinor: number; totalBeforeTaxMinor: number };

export function checkoutTotals(lines: readonly { lineTotalMinor: number }[], shippingMinor: number): TCheckoutTotals {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);

  return { subtotalMinor, shippingMinor, totalBeforeTaxMinor: subtotalMinor + shippingMinor };
}

/** Whether the partner has a credit limit: Odoo's `credit_limit` 0 (its default) means none. */
export const hasCreditLimit = (limitMinor: number | null): limitMinor is number =>
  limitMinor !== null && limitMinor > 0;

/**
 * Credit: what the customer owes in Odoo, plus our placed orders Odoo has not invoiced yet,
 * plus this order, must stay within the limit (null limit: none set). Pure.
 */
export function creditCheck({
  limitMinor,
  amountDueMinor,
  openOrdersMinor,
  orderMinor,
}: {
  limitMinor: number | null;
  amountDueMinor: number;
  openOrdersMinor: number;
  orderMinor: number;
}): { ok: true } | { ok: false; availableMinor: number } {
  if (!hasCreditLimit(limitMinor)) return { ok: true };
  const availableMinor = limitMinor - amountDueMinor - openOrdersMinor;

  return orderMinor <= availableMinor ? { ok: true } : { ok: false, availableMinor: Math.max(0, availableMinor) };
}
