import { describe, expect, it } from "vitest";
import { compileRuleSet } from "@/lib/pricing/compile";
import { priceLine } from "@/lib/pricing/evaluate";
import { DEFAULT_POLICY, ZPricingRule, type TPricingPolicy, type TPricingRule } from "@/lib/pricing/rules";
import type { TPriceRequest, TPriceResult } from "@/lib/pricing/types";

const ORG_A = "00000000-0000-4000-8000-00000000000a";
const ORG_B = "00000000-0000-4000-8000-00000000000b";
const ORG_C = "00000000-0000-4000-8000-00000000000c";

const rule = (input: Record<string, unknown>) => ZPricingRule.parse(input);

const RULES: TPricingRule[] = [
  rule({ id: "base-oak", kind: "base_price", sku: "TBL-OAK", amount: 89_000 }),
  rule({ id: "base-walnut", kind: "base_price", sku: "TBL-WALNUT", amount: 109_000 }),
  rule({ id: "base-feet", kind: "base_price", sku: "ACC-FEET", amount: 2_400 }),
  rule({
    id: "width",
    kind: "surcharge",
    product: "table",
    option: "width_mm",
    mode: "per_unit",
    amount: 3_500,
    step: 100,
    from: 1200,
  }),
  rule({
    id: "legs",
    kind: "surcharge",
    product: "table",
    option: "legs",
    value: "oak",
    mode: "fixed",
    amount: 12_000,
  }),
  rule({
    id: "glass",
    kind: "surcharge",
    product: "table",
    option: "top",
    value: "glass",
    mode: "percent",
    bps: 1_500,
  }),
  rule({ id: "a-10", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 1_000 }),
  rule({ id: "b-contract", kind: "contract_price", organisationId: ORG_B, sku: "TBL-OAK", amount: 85_000 }),
  rule({ id: "table-5", kind: "tier", product: "table", minQuantity: 5, mode: "percent", bps: 500 }),
  rule({ id: "feet-10", kind: "tier", product: "feet", minQuantity: 10, mode: "unit_price", amount: 2_100 }),
];

const AT = new Date("2026-12-01T12:00:00Z");

function price(
  overrides: Partial<TPriceRequest> = {},
  { rules = RULES, policy = DEFAULT_POLICY }: { rules?: TPricingRule[]; policy?: TPricingPolicy } = {},
): TPriceResult {
  const compiled = compileRuleSet({ versionId: "v1", currency: "EUR", policy, rules });

  return priceLine(compiled, {
    sku: "TBL-OAK",
    product: "table",
    categories: ["tables"],
    configuration: {},
    organisationId: ORG_C,
    quantity: 1,
    at: AT,
    ...overrides,
  });
}

function ok(result: TPriceResult) {
  if (!result.ok) throw new Error(`expected a price, got ${result.code}: ${result.message}`);

  return result;
}

describe("priceLine", () => {
  it("prices the base model for a customer without special terms", () => {
    const result = ok(price());
    expect(result).toMatchObject({ unitPrice: 89_000, lineTotal: 89_000, currency: "EUR", versionId: "v1" });
    expect(result.breakdown).toEqual([
      { type: "base", label: "Base price TBL-OAK", amountMinor: 89_000, ruleId: "base-oak" },
    ]);
  });

  it("adds surcharges per started step of a numeric option, per choice, and as a percentage of base", () => {
    const result = ok(price({ configuration: { width_mm: 1850, legs: "oak", top: "glass" } }));
    // 89 000 + 7 × 3 500 (1 850 − 1 200 = 650 → 7 started steps of 100) + 12 000 + 15 % × 89 000
    expect(result.unitPrice).toBe(89_000 + 24_500 + 12_000 + 13_350);
    expect(result.breakdown.map((line) => [line.type, line.amountMinor])).toEqual([
      ["base", 89_000],
      ["surcharge", 24_500],
      ["surcharge", 12_000],
      ["surcharge", 13_350],
    ]);
    expect(ok(price({ configuration: { width_mm: 1200 } })).unitPrice).toBe(89_000);
  });

  it("takes the organisation discount off base plus surcharges", () => {
    const result = ok(price({ organisationId: ORG_A, configuration: { width_mm: 1850 } }));
    expect(result.unitPrice).toBe(113_500 - 11_350);
    expect(result.breakdown.at(-1)).toEqual({
      type: "discount",
      label: "Organisation discount 10 %",
      amountMinor: -11_350,
      ruleId: "a-10",
    });
  });

  it("stacks a volume tier on the discounted price, rounding half up once, on the unit price", () => {
    const result = ok(price({ organisationId: ORG_A, configuration: { width_mm: 1850 }, quantity: 5 }));
    // 102 150 × 95 % = 97 042.5 → 97 043
    expect(result.unitPrice).toBe(97_043);
    expect(result.lineTotal).toBe(97_043 * 5);
    expect(result.breakdown.reduce((total, line) => total + line.amountMinor, 0)).toBe(97_043);
  });

  it("under best-of, gives whichever of discount and tier is lower", () => {
    const bestOf = { ...DEFAULT_POLICY, tiers: "best_of" } as const;
    expect(ok(price({ organisationId: ORG_A, quantity: 5 }, { policy: bestOf })).unitPrice).toBe(80_100);
    const result = ok(
      price(
        { organisationId: ORG_A, quantity: 5 },
        {
          policy: bestOf,
          rules: [
            ...RULES,
            rule({
              id: "table-20",
              kind: "tier",
              product: "table",
              minQuantity: 5,
              mode: "percent",
              bps: 2_000,
              priority: 5,
            }),
          ],
        },
      ),
    );
    expect(result.unitPrice).toBe(71_200);
    expect(result.trace).toContainEqual({
      ruleId: "a-10",
      kind: "org_discount",
      outcome: "skipped",
      reason: "the volume tier table-20 gives a lower price (best of)",
    });
  });

  it("lets a contract price replace the computed price, and then applies nothing else", () => {
    const result = ok(price({ organisationId: ORG_B, configuration: { width_mm: 1850 }, quantity: 5 }));
    expect(result.unitPrice).toBe(85_000);
    expect(result.trace).toContainEqual({
      ruleId: "table-5",
      kind: "tier",
      outcome: "skipped",
      reason: "a contract price applies",
    });
  });

  it("uses a tier's unit price instead of the base price from its quantity on", () => {
    expect(ok(price({ sku: "ACC-FEET", product: "feet", quantity: 9 })).unitPrice).toBe(2_400);
    const result = ok(price({ sku: "ACC-FEET", product: "feet", quantity: 10 }));
    expect(result.unitPrice).toBe(2_100);
    expect(result.trace).toContainEqual({
      ruleId: "base-feet",
      kind: "base_price",
      outcome: "skipped",
      reason: "replaced by the tier price feet-10",
    });
  });

  it("refuses a SKU without a base price, and a bad quantity", () => {
    expect(price({ sku: "NOPE" })).toMatchObject({ ok: false, code: "NO_BASE_PRICE" });
    expect(price({ quantity: 0 })).toMatchObject({ ok: false, code: "INVALID_QUANTITY" });
    expect(price({ quantity: 1.5 })).toMatchObject({ ok: false, code: "INVALID_QUANTITY" });
  });

  it("honours validity windows and says why a rule was skipped", () => {
    const future = rule({
      id: "a-later",
      kind: "org_discount",
      organisationId: ORG_A,
      scope: { type: "all" },
      bps: 5_000,
      validFrom: "2027-01-01T00:00:00Z",
    });
    const result = ok(price({ organisationId: ORG_A }, { rules: [...RULES, future] }));
    expect(result.unitPrice).toBe(80_100);
    expect(result.trace).toContainEqual({
      ruleId: "a-later",
      kind: "org_discount",
      outcome: "skipped",
      reason: "not valid yet (from 2027-01-01T00:00:00Z)",
    });
    expect(
      ok(price({ organisationId: ORG_A, at: new Date("2027-01-02T00:00:00Z") }, { rules: [...RULES, future] }))
        .unitPrice,
    ).toBe(44_500);
  });

  it("combines discounts per the policy; an exclusive one applies alone only when better", () => {
    const extra = rule({
      id: "a-5-tables",
      kind: "org_discount",
      organisationId: ORG_A,
      scope: { type: "category", category: "tables" },
      bps: 500,
      priority: 1,
    });
    const rules = [...RULES, extra];
    expect(ok(price({ organisationId: ORG_A }, { rules })).unitPrice).toBe(80_100);
    expect(
      ok(price({ organisationId: ORG_A }, { rules, policy: { ...DEFAULT_POLICY, discounts: "additive" } })).unitPrice,
    ).toBe(75_650);
    expect(
      ok(price({ organisationId: ORG_A }, { rules, policy: { ...DEFAULT_POLICY, discounts: "compound" } })).unitPrice,
    ).toBe(76_095);
    expect(
      ok(price({ organisationId: ORG_A }, { rules, policy: { ...DEFAULT_POLICY, discounts: "first_match" } }))
        .unitPrice,
    ).toBe(84_550);
    const smallExclusive = rule({
      id: "a-ex-3",
      kind: "org_discount",
      organisationId: ORG_A,
      scope: { type: "all" },
      bps: 300,
      exclusive: true,
    });
    expect(ok(price({ organisationId: ORG_A }, { rules: [...rules, smallExclusive] })).unitPrice).toBe(80_100);
    const bigExclusive = rule({
      id: "a-ex-30",
      kind: "org_discount",
      organisationId: ORG_A,
      scope: { type: "all" },
      bps: 3_000,
      exclusive: true,
    });
    const result = ok(
      price(
        { organisationId: ORG_A },
        { rules: [...rules, bigExclusive], policy: { ...DEFAULT_POLICY, discounts: "additive" } },
      ),
    );
    expect(result.unitPrice).toBe(62_300);
    expect(result.trace).toContainEqual({
      ruleId: "a-10",
      kind: "org_discount",
      outcome: "skipped",
      reason: "the exclusive discount a-ex-30 is better on its own",
    });
  });

  it("never goes below zero", () => {
    const rebate = rule({
      id: "rebate",
      kind: "surcharge",
      product: "table",
      option: "trade_in",
      value: "yes",
      mode: "fixed",
      amount: -100_000,
    });
    const result = ok(price({ configuration: { trade_in: "yes" } }, { rules: [...RULES, rebate] }));
    expect(result.unitPrice).toBe(0);
    expect(result.breakdown.at(-1)).toMatchObject({ type: "floor", amountMinor: 11_000 });
  });

  it("explains every rule it considered", () => {
    const result = ok(price({ organisationId: ORG_A, configuration: { width_mm: 1000, legs: "steel" }, quantity: 2 }));
    expect(result.trace).toEqual(
      expect.arrayContaining([
        { ruleId: "table-5", kind: "tier", outcome: "skipped", reason: "quantity 2 is outside 5–∞" },
        { ruleId: "base-oak", kind: "base_price", outcome: "applied", reason: "base price" },
        { ruleId: "width", kind: "surcharge", outcome: "skipped", reason: "width_mm 1000 is not above 1200" },
        { ruleId: "legs", kind: "surcharge", outcome: "skipped", reason: "option legs is not oak" },
        { ruleId: "a-10", kind: "org_discount", outcome: "applied", reason: "10 % (best)" },
      ]),
    );
    expect(ok(price({ organisationId: ORG_A }, {})).trace.length).toBeGreaterThan(0);
    expect(ok(priceWithoutTrace()).trace).toEqual([]);
  });
});

function priceWithoutTrace() {
  return priceLine(
    compileRuleSet({ versionId: "v1", currency: "EUR", policy: DEFAULT_POLICY, rules: RULES }),
    { sku: "TBL-OAK", product: "table", categories: [], configuration: {}, organisationId: ORG_A, quantity: 1, at: AT },
    { explain: false },
  );
}
