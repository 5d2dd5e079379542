import { describe, expect, it } from "vitest";
import { isPastDate, todayIn, ZCheckoutInput } from "@/lib/checkout/checkout-input";
import { describeReasons, priceChangeReasons, priceFingerprint } from "@/lib/checkout/price-changes";
import { carrierChoices, shippingLine, type TCarrierFacts } from "@/lib/checkout/shipping";
import { checkoutTotals, creditCheck } from "@/lib/checkout/totals";

const valid = {
  checkoutKey: "0b6c1a8e-8c1f-4d3a-9f3e-2a1b0c9d8e7f",
  addressId: "12",
  carrierId: 3,
  poNumber: " PO-1 ",
};

describe("checkout input", () => {
  it("parses the form and never accepts a price, total or shipping cost", () => {
    expect(ZCheckoutInput.parse(valid)).toEqual({
      ...valid,
      addressId: 12,
      poNumber: "PO-1",
      notes: "",
      requestedDeliveryDate: "",
      acceptedPrices: "",
    });
    expect(ZCheckoutInput.safeParse({ ...valid, shippingMinor: 0 }).success).toBe(false);
    expect(ZCheckoutInput.safeParse({ ...valid, totalMinor: 1 }).success).toBe(false);
  });

  it("says which field is wrong", () => {
    const result = ZCheckoutInput.safeParse({
      ...valid,
      poNumber: "X".repeat(41),
      requestedDeliveryDate: "12/01/2026",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["poNumber", "requestedDeliveryDate"]));
  });

  it("reads today in the organisation's time zone", () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin.
    const now = new Date("2026-12-31T23:30:00Z");
    expect(todayIn("Europe/Berlin", now)).toBe("2027-01-01");
    expect(todayIn("America/New_York", now)).toBe("2026-12-31");
    expect(isPastDate("2026-12-31", todayIn("Europe/Berlin", now))).toBe(true);
    expect(isPastDate("2027-01-01", todayIn("Europe/Berlin", now))).toBe(false);
  });
});

describe("price changes", () => {
  it("fingerprints exactly one set of new prices", () => {
    const a = priceFingerprint([
      { lineId: "b", toMinor: 200 },
      { lineId: "a", toMinor: 100 },
    ]);
    expect(a).toBe(
      priceFingerprint([
        { lineId: "a", toMinor: 100 },
        { lineId: "b", toMinor: 200 },
      ]),
    );
    expect(a).not.toBe(
      priceFingerprint([
        { lineId: "a", toMinor: 101 },
        { lineId: "b", toMinor: 200 },
      ]),
    );
  });

  it("says why a price changed", () => {
    const reasons = priceChangeReasons({
      oldVersionId: "v1",
      newVersionId: "v2",
      oldModelVersionId: "m1",
      newModelVersionId: "m1",
      quoteExpired: true,
      oldTierLabel: null,
      newTierLabel: null,
    });
    expect(reasons).toEqual(["PRICE_LIST", "QUOTE_EXPIRED"]);
    expect(describeReasons(reasons)).toBe("The price list changed, the price quote expired");
  });
});

describe("totals, credit and shipping", () => {
  it("adds lines and shipping", () => {
    expect(checkoutTotals([{ lineTotalMinor: 1_000 }, { lineTotalMinor: 250 }], 450)).toEqual({
      subtotalMinor: 1_250,
      shippingMinor: 450,
      totalBeforeTaxMinor: 1_700,
    });
  });

  it("keeps amount due + open orders + this order within the credit limit", () => {
    const base = { limitMinor: 10_000, amountDueMinor: 4_000, openOrdersMinor: 3_000 };
    expect(creditCheck({ ...base, orderMinor: 3_000 })).toEqual({ ok: true });
    expect(creditCheck({ ...base, orderMinor: 3_001 })).toEqual({ ok: false, availableMinor: 3_000 });
    expect(creditCheck({ ...base, limitMinor: null, orderMinor: 1e9 })).toEqual({ ok: true });
  });

  it("offers only the carriers that deliver to the destination, with their cost", () => {
    const carrier = {
      deliveryType: "fixed",
      currency: "EUR",
      fixedPriceMinor: 4_500,
      freeOverMinor: 100_000,
      priceRules: [],
    };
    const carriers = [
      { ...carrier, id: 1, name: "Germany only", countryCodes: ["DE"] },
      { ...carrier, id: 2, name: "Everywhere", countryCodes: [] },
    ];
    const cart = { currency: "EUR", amountMinor: 50_000, lines: [{ quantity: 1, weightKg: 0, volumeM3: 0 }] };
    expect(carrierChoices(carriers, { ...cart, countryCode: "NL" }).map((choice) => choice.name)).toEqual([
      "Everywhere",
    ]);
    expect(carrierChoices(carriers, { ...cart, countryCode: "DE", amountMinor: 120_000 })).toEqual([
      { id: 1, name: "Germany only", priceMinor: 0, free: true },
      { id: 2, name: "Everywhere", priceMinor: 0, free: true },
    ]);
  });

  it("prices weight rules with the lines' weights (per unit × quantity)", () => {
    // Odoo's "if weight > 0 then €2.50 + €1.00 per kg", else €5.
    const byWeight: TCarrierFacts = {
      id: 3,
      name: "By weight",
      deliveryType: "base_on_rule",
      currency: "EUR",
      fixedPriceMinor: null,
      freeOverMinor: null,
      countryCodes: [],
      priceRules: [
        {
          variable: "weight",
          operator: ">",
          maxValue: 0,
          basePriceMinor: 250,
          pricePerUnitMinor: 100,
          variableFactor: "weight",
        },
        {
          variable: "quantity",
          operator: ">=",
          maxValue: 0,
          basePriceMinor: 500,
          pricePerUnitMinor: 0,
          variableFactor: "weight",
        },
      ],
    };
    const cart = { currency: "EUR", countryCode: "DE", amountMinor: 250_000 };
    const lines = [shippingLine({ quantity: 2, weightKg: 45 }), shippingLine({ quantity: 4, weightKg: 1.5 })];
    expect(carrierChoices([byWeight], { ...cart, lines })[0]?.priceMinor).toBe(250 + 96 * 100);
    const weightless = [shippingLine({ quantity: 2, weightKg: 0 })];
    expect(carrierChoices([byWeight], { ...cart, lines: weightless })[0]?.priceMinor).toBe(500);
  });
});
