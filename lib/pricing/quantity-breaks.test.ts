import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleSet } from "@/lib/pricing/compile";
import { priceLine } from "@/lib/pricing/evaluate";
import { quantityBreaks } from "@/lib/pricing/quantity-breaks";
import { DEFAULT_POLICY, ZPricingRule, type TPricingRule } from "@/lib/pricing/rules";

const ORG_A = "00000000-0000-4000-8000-00000000000a";
const ORG_B = "00000000-0000-4000-8000-00000000000b";
const AT = new Date("2026-12-01T12:00:00Z");
const rule = (input: Record<string, unknown>) => ZPricingRule.parse(input);

const RULES: TPricingRule[] = [
  rule({ id: "base", kind: "base_price", sku: "FEET", amount: 2_400 }),
  rule({ id: "a-10", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 1_000 }),
  rule({ id: "t10", kind: "tier", product: "feet", minQuantity: 10, maxQuantity: 49, mode: "percent", bps: 500 }),
  rule({ id: "t50", kind: "tier", product: "feet", minQuantity: 50, mode: "unit_price", amount: 2_000 }),
  rule({
    id: "b-100",
    kind: "tier",
    product: null,
    organisationId: ORG_B,
    minQuantity: 100,
    mode: "percent",
    bps: 2_000,
  }),
  rule({
    id: "expired",
    kind: "tier",
    product: "feet",
    minQuantity: 5,
    mode: "percent",
    bps: 9_000,
    validTo: "2026-01-01T00:00:00Z",
  }),
];
const compiled = compileRuleSet({ versionId: "v1", currency: "EUR", policy: DEFAULT_POLICY, rules: RULES });
const line = (organisationId: string) => ({
  sku: "FEET",
  product: "feet",
  categories: [],
  configuration: {},
  organisationId,
  at: AT,
});

describe("quantityBreaks", () => {
  it("lists the ranges where the organisation's unit price changes, ignoring other organisations' and expired tiers", () => {
    expect(quantityBreaks(compiled, line(ORG_A))).toEqual([
      { from: 1, to: 9, unitPrice: 2_160 },
      { from: 10, to: 49, unitPrice: 2_052 },
      { from: 50, to: null, unitPrice: 1_800 },
    ]);
  });

  it("includes a tier only its own organisation gets", () => {
    expect(quantityBreaks(compiled, line(ORG_B)).map((item) => item.from)).toEqual([1, 10, 50, 100]);
  });

  it("is empty when the price does not depend on quantity", () => {
    const flat = compileRuleSet({ versionId: "v2", currency: "EUR", policy: DEFAULT_POLICY, rules: [RULES[0]!] });
    expect(quantityBreaks(flat, line(ORG_A))).toEqual([]);
  });

  it("agrees with the engine at every quantity", () => {
    fc.assert(
      fc.property(fc.constantFrom(ORG_A, ORG_B), fc.integer({ min: 1, max: 500 }), (organisationId, quantity) => {
        const range = quantityBreaks(compiled, line(organisationId)).find(
          (item) => item.from <= quantity && (item.to === null || quantity <= item.to),
        )!;
        const result = priceLine(compiled, { ...line(organisationId), quantity }, { explain: false });
        expect(result.ok && result.unitPrice).toBe(range.unitPrice);
      }),
    );
  });
});
