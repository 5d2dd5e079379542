import { describe, expect, it } from "vitest";
import type { TCatalogFacts } from "@/lib/pricing/catalog";
import { detectConflicts } from "@/lib/pricing/conflicts";
import { DEFAULT_POLICY, ZPricingRule, type TPricingPolicy, type TPricingRule } from "@/lib/pricing/rules";

const ORG_A = "00000000-0000-4000-8000-00000000000a";
const ORG_B = "00000000-0000-4000-8000-00000000000b";
const rule = (input: Record<string, unknown>) => ZPricingRule.parse(input);
const FACTS: TCatalogFacts = {
  organisationIds: [ORG_A, ORG_B],
  products: [
    {
      handle: "table",
      skus: ["TBL-OAK"],
      categories: ["tables"],
      options: [
        { code: "width_mm", kind: "number", min: 600, max: 2400 },
        { code: "top", kind: "choice", values: ["oak", "walnut", "glass"] },
      ],
    },
    { handle: "feet", skus: ["ACC-FEET"], categories: ["accessories"], options: [] },
  ],
};
const CLEAN: TPricingRule[] = [
  rule({ id: "b1", kind: "base_price", sku: "TBL-OAK", amount: 89_000 }),
  rule({ id: "b2", kind: "base_price", sku: "ACC-FEET", amount: 2_400 }),
];
const AT = new Date("2026-12-01T00:00:00Z");
const detect = (extra: TPricingRule[], policy: TPricingPolicy = DEFAULT_POLICY, rules = CLEAN) =>
  detectConflicts({ rules: [...rules, ...extra], policy, currency: "EUR", facts: FACTS, at: AT });
const codes = (extra: TPricingRule[], policy?: TPricingPolicy) =>
  detect(extra, policy).map((item) => `${item.severity}:${item.code}`);

describe("detectConflicts", () => {
  it("finds nothing wrong with a complete, unambiguous rule set", () => {
    expect(
      detect([rule({ id: "d1", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 1000 })]),
    ).toEqual([]);
  });

  it("blocks products without a base price, naming the SKU", () => {
    const findings = detect([], DEFAULT_POLICY, [CLEAN[0]!]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "MISSING_BASE_PRICE",
        message: "ACC-FEET has no base price in EUR.",
      }),
    ]);
  });

  it("blocks two base prices that are valid at once with the same priority, and flags a shadowed one", () => {
    expect(codes([rule({ id: "b1x", kind: "base_price", sku: "TBL-OAK", amount: 90_000 })])).toEqual([
      "error:DUPLICATE_BASE_PRICE",
    ]);
    const shadow = detect([rule({ id: "b1x", kind: "base_price", sku: "TBL-OAK", amount: 90_000, priority: -0 + 1 })]);
    expect(shadow).toEqual([
      expect.objectContaining({ severity: "warning", code: "SHADOWED_RULE", ruleIds: ["b1", "b1x"] }),
    ]);
  });

  it("flags overlapping discounts with no priority between them, as errors when their order matters", () => {
    const overlapping = [
      rule({ id: "d1", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 1000 }),
      rule({
        id: "d2",
        kind: "org_discount",
        organisationId: ORG_A,
        scope: { type: "category", category: "tables" },
        bps: 500,
      }),
    ];
    expect(codes(overlapping, { ...DEFAULT_POLICY, discounts: "compound" })).toEqual(["error:OVERLAPPING_DISCOUNTS"]);
    expect(codes(overlapping, { ...DEFAULT_POLICY, discounts: "additive" })).toEqual(["warning:OVERLAPPING_DISCOUNTS"]);
    const separate = [
      overlapping[0]!,
      rule({ id: "d3", kind: "org_discount", organisationId: ORG_B, scope: { type: "all" }, bps: 500 }),
    ];
    expect(codes(separate, { ...DEFAULT_POLICY, discounts: "compound" })).toEqual([]);
  });

  it("flags a discount that can never win under best-price", () => {
    const findings = detect([
      rule({ id: "big", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 1500, priority: 2 }),
      rule({
        id: "small",
        kind: "org_discount",
        organisationId: ORG_A,
        scope: { type: "product", product: "table" },
        bps: 500,
        priority: 1,
      }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: "SHADOWED_RULE",
        message: expect.stringMatching(/^Discount small never applies: big/),
      }),
    ]);
  });

  it("blocks overlapping tiers and warns about gaps between tiers", () => {
    const findings = detect([
      rule({ id: "t1", kind: "tier", product: "feet", minQuantity: 10, maxQuantity: 49, mode: "percent", bps: 500 }),
      rule({ id: "t2", kind: "tier", product: "feet", minQuantity: 40, maxQuantity: 99, mode: "percent", bps: 800 }),
      rule({ id: "t3", kind: "tier", product: "feet", minQuantity: 200, mode: "percent", bps: 1200 }),
    ]);
    expect(findings.map((item) => [item.code, item.message])).toEqual([
      ["TIER_OVERLAP", "Tiers t1 and t2 for feet both cover quantity 40–49."],
      ["TIER_GAP", "No tier covers quantities 100–199 between t2 and t3 for feet."],
    ]);
  });

  it("warns about surcharges for options and values no product has", () => {
    const findings = detect([
      rule({
        id: "s1",
        kind: "surcharge",
        product: "table",
        option: "top",
        value: "marble",
        mode: "fixed",
        amount: 100,
      }),
      rule({
        id: "s2",
        kind: "surcharge",
        product: "table",
        option: "colour",
        value: "red",
        mode: "fixed",
        amount: 100,
      }),
      rule({ id: "s3", kind: "surcharge", product: "table", option: "top", mode: "per_unit", amount: 100, step: 10 }),
      rule({ id: "s4", kind: "surcharge", product: "chair", option: "top", value: "oak", mode: "fixed", amount: 100 }),
      rule({
        id: "s5",
        kind: "surcharge",
        product: "table",
        option: "width_mm",
        mode: "per_unit",
        amount: 3500,
        step: 100,
        from: 1200,
      }),
    ]);
    expect(findings.map((item) => [item.code, item.ruleIds[0]])).toEqual([
      ["UNKNOWN_OPTION", "s2"],
      ["UNKNOWN_OPTION", "s3"],
      ["UNKNOWN_OPTION_VALUE", "s1"],
      ["UNKNOWN_PRODUCT", "s4"],
    ]);
  });

  it("blocks rules for organisations that do not exist, and warns about expired rules", () => {
    expect(
      codes([
        rule({
          id: "x",
          kind: "org_discount",
          organisationId: "00000000-0000-4000-8000-0000000000ff",
          scope: { type: "all" },
          bps: 100,
        }),
      ]),
    ).toEqual(["error:UNKNOWN_ORGANISATION"]);
    expect(
      codes([
        rule({
          id: "old",
          kind: "org_discount",
          organisationId: ORG_A,
          scope: { type: "all" },
          bps: 100,
          validTo: "2026-01-01T00:00:00Z",
        }),
      ]),
    ).toEqual(["warning:EXPIRED_RULE"]);
  });

  it("gives every finding a stable key, so acknowledging a warning survives unrelated edits", () => {
    const gap = [
      rule({ id: "t1", kind: "tier", product: "feet", minQuantity: 10, maxQuantity: 20, mode: "percent", bps: 500 }),
      rule({ id: "t3", kind: "tier", product: "feet", minQuantity: 50, mode: "percent", bps: 900 }),
    ];
    const before = detect(gap).map((item) => item.key);
    const after = detect([
      ...gap,
      rule({ id: "d1", kind: "org_discount", organisationId: ORG_A, scope: { type: "all" }, bps: 100 }),
    ]).map((item) => item.key);
    expect(before).toEqual(["TIER_GAP:t1,t3"]);
    expect(after).toEqual(before);
  });
});
