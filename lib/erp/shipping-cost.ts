// The shipping cost of a cart for one carrier, computed as Odoo 19's `delivery` module does for a
// sale order (delivery.carrier `rate_shipment` → `fixed_rate_shipment` / `base_on_rule_rate_shipment`
// → `_get_price_available` → `_get_price_from_picking`), so that what the buyer sees at checkout is
// what Odoo puts on the order's delivery line:
//   1. the destination must be one of the carrier's countries (none listed: everywhere);
//   2. free when the order amount (taxes included, delivery lines excluded) reaches `free_over`'s amount;
//   3. fixed: the fixed price; base_on_rule: the rules in Odoo's order (sequence, list_price, id), the
//      first whose `<variable> <operator> <max_value>` holds decides: list_base_price + list_price ×
//      <variable_factor>; no rule matching means Odoo refuses the carrier for this order.
// Not modelled (not in the cache): margins, state and zip restrictions, max weight/volume, product
// tags, currency conversion (prices are in the carrier's company currency; the cart must be too).

export const PRICE_RULE_VARIABLES = ["weight", "volume", "wv", "price", "quantity"] as const;
export type TPriceRuleVariable = (typeof PRICE_RULE_VARIABLES)[number];
export const PRICE_RULE_OPERATORS = ["==", "<=", "<", ">=", ">"] as const;
export type TPriceRuleOperator = (typeof PRICE_RULE_OPERATORS)[number];

export type TShippingPriceRule = {
  variable: TPriceRuleVariable;
  operator: TPriceRuleOperator;
  /** Compared in the variable's unit: kg, m³, kg·m³, currency units (not minor), units. */
  maxValue: number;
  /** Minor units, fractional when Odoo's rule has more digits than the currency (product-price precision). */
  basePriceMinor: number;
  /** Per unit of `variableFactor`, in minor units, fractional too (0.015 per kg is 1.5). */
  pricePerUnitMinor: number;
  variableFactor: TPriceRuleVariable;
};

export type TShippingCarrier = {
  deliveryType: string;
  currency: string;
  fixedPriceMinor: number | null;
  freeOverMinor: number | null;
  /** ISO codes; empty: every destination. */
  countryCodes: string[];
  /** In the order Odoo tries them. */
  priceRules: TShippingPriceRule[];
};

export type TShippingLine = { quantity: number; weightKg: number; volumeM3: number; isService?: boolean };

export type TShippingCart = {
  currency: string;
  /** ISO code of the delivery address's country. */
  countryCode: string;
  /** The order total with taxes, without delivery lines, in minor units (Odoo's `price` variable). */
  amountMinor: number;
  lines: TShippingLine[];
};

export type TShippingCost =
  | { available: true; priceMinor: number; free: boolean }
  | { available: false; reason: "DESTINATION" | "NO_RULE" | "CURRENCY" | "UNSUPPORTED_TYPE" };

// Odoo and the gateway keep two decimals for the currencies Tradepost sells in (EUR, USD).
const MINOR_PER_UNIT = 100;

/** Odoo's totals, summed line by line in floats as `_get_price_available` does (services weigh nothing). */
export function shippingMeasures(cart: TShippingCart): Record<TPriceRuleVariable, number> {
  let weight = 0;
  let volume = 0;
  let wv = 0;
  let quantity = 0;
  for (const line of cart.lines) {
    if (line.isService) continue;
    weight += line.weightKg * line.quantity;
    volume += line.volumeM3 * line.quantity;
    wv += line.weightKg * line.volumeM3 * line.quantity;
    quantity += line.quantity;
  }

  // `wv or volume * weight`: Odoo falls back to the product of the totals when the per-line sum is 0.
  return { price: cart.amountMinor / MINOR_PER_UNIT, weight, volume, wv: wv || volume * weight, quantity };
}

function holds(value: number, operator: TPriceRuleOperator, maxValue: number): boolean {
  switch (operator) {
    case "==":
      return value === maxValue;
    case "<=":
      return value <= maxValue;
    case "<":
      return value < maxValue;
    case ">=":
      return value >= maxValue;
    case ">":
      return value > maxValue;
  }
}

/** Half away from zero after Odoo's float_round nudge (one ulp of the value), so 497.49999… reads 497.5. */
export function roundMinor(value: number): number {
  if (value === 0) return 0;
  const nudged = value + Math.sign(value) * 2 ** (Math.log2(Math.abs(value)) - 52);

  return Math.sign(nudged) * Math.round(Math.abs(nudged));
}

/** The price of shipping this cart with this carrier, or why Odoo would not offer it. Pure. */
export function computeShippingCost(carrier: TShippingCarrier, cart: TShippingCart): TShippingCost {
  if (carrier.countryCodes.length && !carrier.countryCodes.includes(cart.countryCode.toUpperCase()))
    return { available: false, reason: "DESTINATION" };
  if (carrier.currency !== cart.currency) return { available: false, reason: "CURRENCY" };
  if (carrier.deliveryType !== "fixed" && carrier.deliveryType !== "base_on_rule")
    return { available: false, reason: "UNSUPPORTED_TYPE" };
  if (carrier.freeOverMinor !== null && cart.amountMinor >= carrier.freeOverMinor)
    return { available: true, priceMinor: 0, free: true };
  if (carrier.deliveryType === "fixed")
    return { available: true, priceMinor: carrier.fixedPriceMinor ?? 0, free: false };

  const measures = shippingMeasures(cart);
  const rule = carrier.priceRules.find((candidate) =>
    holds(measures[candidate.variable], candidate.operator, candidate.maxValue),
  );
  if (!rule) return { available: false, reason: "NO_RULE" };
  const priceMinor = roundMinor(rule.basePriceMinor + rule.pricePerUnitMinor * measures[rule.variableFactor]);

  return { available: true, priceMinor, free: false };
}
