// Shipping costs as Odoo's delivery module computes them: fixed price, free over an amount,
// destination countries, and price rules tried in order with the first match deciding.
import { describe, expect, it } from "vitest";
import {
  computeShippingCost,
  roundMinor,
  shippingMeasures,
  type TShippingCarrier,
  type TShippingCart,
} from "@/lib/erp/shipping-cost";

const fixed: TShippingCarrier = {
  deliveryType: "fixed",
  currency: "USD",
  fixedPriceMinor: 490,
  freeOverMinor: null,
  countryCodes: ["DE"],
  priceRules: [],
};

// Odoo's recorded "Weight based" carrier (fixture 064): ≤ 5 kg 6.90, ≤ 31.5 kg 12.90.
const byWeight: TShippingCarrier = {
  deliveryType: "base_on_rule",
  currency: "USD",
  fixedPriceMinor: 0,
  freeOverMinor: null,
  countryCodes: [],
  priceRules: [
    {
      variable: "weight",
      operator: "<=",
      maxValue: 5,
      basePriceMinor: 690,
      pricePerUnitMinor: 0,
      variableFactor: "weight",
    },
    {
      variable: "weight",
      operator: "<=",
      maxValue: 31.5,
      basePriceMinor: 1290,
      pricePerUnitMinor: 0,
      variableFactor: "weight",
    },
  ],
};

const cart = (lines: TShippingCart["lines"], amountMinor = 10_000, countryCode = "DE"): TShippingCart => ({
  currency: "USD",
  countryCode,
  amountMinor,
  lines,
});

describe("computeShippingCost", () => {
  it("charges a fixed price to a country it serves and refuses others", () => {
    expect(computeShippingCost(fixed, cart([{ quantity: 1, weightKg: 1, volumeM3: 0 }]))).toEqual({
      available: true,
      priceMinor: 490,
      free: false,
    });
    expect(computeShippingCost(fixed, cart([], 100, "de"))).toMatchObject({ priceMinor: 490 });
    expect(computeShippingCost(fixed, cart([], 100, "FR"))).toEqual({ available: false, reason: "DESTINATION" });
  });

  it("is free from the free-over amount on (inclusive), for fixed and rule-based carriers alike", () => {
    const freeOver = { ...fixed, freeOverMinor: 15_000 };
    expect(computeShippingCost(freeOver, cart([], 14_999))).toMatchObject({ priceMinor: 490, free: false });
    expect(computeShippingCost(freeOver, cart([], 15_000))).toEqual({ available: true, priceMinor: 0, free: true });
    // Odoo checks free_over before the rules: free even when no rule would match (100 kg).
    const heavy = cart([{ quantity: 10, weightKg: 10, volumeM3: 0 }], 20_000);
    expect(computeShippingCost({ ...byWeight, freeOverMinor: 15_000 }, heavy)).toMatchObject({ priceMinor: 0 });
    expect(computeShippingCost(byWeight, heavy)).toEqual({ available: false, reason: "NO_RULE" });
  });

  it("takes the first rule that matches, at the boundary too", () => {
    const at = (kg: number) => computeShippingCost(byWeight, cart([{ quantity: 2, weightKg: kg / 2, volumeM3: 0 }]));
    expect(at(4.99)).toMatchObject({ priceMinor: 690 });
    expect(at(5)).toMatchObject({ priceMinor: 690 });
    expect(at(5.01)).toMatchObject({ priceMinor: 1290 });
    expect(at(31.5)).toMatchObject({ priceMinor: 1290 });
    expect(at(31.51)).toMatchObject({ available: false, reason: "NO_RULE" });
  });

  it("adds the price per unit of the variable factor to the base price", () => {
    const perKg: TShippingCarrier = {
      ...byWeight,
      priceRules: [
        {
          variable: "quantity",
          operator: "<",
          maxValue: 3,
          basePriceMinor: 500,
          pricePerUnitMinor: 199,
          variableFactor: "weight",
        },
        {
          variable: "price",
          operator: ">=",
          maxValue: 0,
          basePriceMinor: 0,
          pricePerUnitMinor: 10,
          variableFactor: "price",
        },
      ],
    };
    // 2 units of 1.25 kg: 5.00 + 1.99 × 2.5 = 9.975 → 9.98 (half away from zero).
    expect(computeShippingCost(perKg, cart([{ quantity: 2, weightKg: 1.25, volumeM3: 0 }]))).toMatchObject({
      priceMinor: 998,
    });
    // 3 units: the second rule, 0.10 per currency unit of a 123.45 order = 12.345 → 12.35.
    expect(computeShippingCost(perKg, cart([{ quantity: 3, weightKg: 1, volumeM3: 0 }], 12_345))).toMatchObject({
      priceMinor: 1235,
    });
  });

  it("compares volume and weight × volume, and equality", () => {
    const bulky: TShippingCarrier = {
      ...byWeight,
      priceRules: [
        {
          variable: "wv",
          operator: ">",
          maxValue: 1,
          basePriceMinor: 9900,
          pricePerUnitMinor: 0,
          variableFactor: "weight",
        },
        {
          variable: "volume",
          operator: "==",
          maxValue: 0.3,
          basePriceMinor: 3000,
          pricePerUnitMinor: 0,
          variableFactor: "weight",
        },
        {
          variable: "volume",
          operator: ">=",
          maxValue: 0,
          basePriceMinor: 1000,
          pricePerUnitMinor: 100,
          variableFactor: "volume",
        },
      ],
    };
    // 0.1 + 0.2 is 0.30000000000000004 in floats, in Odoo too: not "== 0.3".
    const lines = [
      { quantity: 1, weightKg: 1, volumeM3: 0.1 },
      { quantity: 1, weightKg: 1, volumeM3: 0.2 },
    ];
    expect(shippingMeasures(cart(lines))).toMatchObject({
      weight: 2,
      volume: 0.30000000000000004,
      wv: 0.30000000000000004,
    });
    expect(computeShippingCost(bulky, cart(lines))).toMatchObject({ priceMinor: 1030 });
    expect(computeShippingCost(bulky, cart([{ quantity: 3, weightKg: 1, volumeM3: 0.1 }]))).toMatchObject({
      priceMinor: 1030,
    });
    expect(computeShippingCost(bulky, cart([{ quantity: 1, weightKg: 10, volumeM3: 0.3 }]))).toMatchObject({
      priceMinor: 9900,
    });
  });

  it("ignores services in weight and quantity, and refuses another currency or provider", () => {
    const lines = [
      { quantity: 1, weightKg: 4, volumeM3: 0 },
      { quantity: 5, weightKg: 10, volumeM3: 0, isService: true },
    ];
    expect(shippingMeasures(cart(lines))).toMatchObject({ weight: 4, quantity: 1 });
    expect(computeShippingCost(byWeight, cart(lines))).toMatchObject({ priceMinor: 690 });
    expect(computeShippingCost(byWeight, { ...cart(lines), currency: "EUR" })).toEqual({
      available: false,
      reason: "CURRENCY",
    });
    expect(computeShippingCost({ ...byWeight, deliveryType: "fedex" }, cart(lines))).toMatchObject({
      reason: "UNSUPPORTED_TYPE",
    });
  });
});

describe("roundMinor", () => {
  it("rounds half away from zero, through float noise", () => {
    expect(roundMinor(497.5)).toBe(498);
    expect(roundMinor(1.005 * 1000)).toBe(1005);
    expect(roundMinor(0.1 * 3 * 10)).toBe(3);
    expect(roundMinor(-2.5)).toBe(-3);
    expect(roundMinor(0)).toBe(0);
  });
});
