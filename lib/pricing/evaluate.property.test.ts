// Invariants of the engine over random rule sets and requests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleSet } from "@/lib/pricing/compile";
import { priceLine } from "@/lib/pricing/evaluate";
import { ZPricingRule, type TPricingPolicy, type TPricingRule } from "@/lib/pricing/rules";
import type { TPriceRequest } from "@/lib/pricing/types";

const ORGS = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
const SKUS = ["SKU-A", "SKU-B"];
const PRODUCTS = ["alpha", "beta"];
const DAY = 86_400_000;
const AT = Date.parse("2026-12-01T00:00:00Z");

let counter = 0;
const id = () => `r${(counter += 1)}`;
const window = fc
  .record({
    validFrom: fc.option(fc.integer({ min: -30, max: 10 }), { nil: null }),
    length: fc.integer({ min: 1, max: 40 }),
  })
  .map(({ validFrom, length }) => ({
    validFrom: validFrom === null ? null : new Date(AT + validFrom * DAY).toISOString(),
    validTo: validFrom === null ? null : new Date(AT + (validFrom + length) * DAY).toISOString(),
  }));

const base = fc
  .record({
    sku: fc.constantFrom(...SKUS),
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    priority: fc.integer({ min: 0, max: 3 }),
    w: window,
  })
  .map(({ w, ...rule }) => ({ id: id(), kind: "base_price", ...rule, ...w }));
const surcharge = fc
  .record({
    product: fc.constantFrom(...PRODUCTS),
    mode: fc.constantFrom("fixed", "percent", "per_unit"),
    amount: fc.integer({ min: -50_000, max: 200_000 }),
    bps: fc.integer({ min: 1, max: 5_000 }),
    w: window,
  })
  .map(({ w, mode, ...rule }) => ({
    id: id(),
    kind: "surcharge",
    mode,
    option: mode === "per_unit" ? "size" : "colour",
    value: mode === "per_unit" ? null : "red",
    step: 50,
    from: 100,
    ...rule,
    ...w,
  }));
const discount = fc
  .record({
    organisationId: fc.constantFrom(...ORGS),
    bps: fc.integer({ min: 1, max: 10_000 }),
    exclusive: fc.boolean(),
    priority: fc.integer({ min: 0, max: 3 }),
    scopeProduct: fc.option(fc.constantFrom(...PRODUCTS), { nil: null }),
    w: window,
  })
  .map(({ w, scopeProduct, ...rule }) => ({
    id: id(),
    kind: "org_discount",
    scope: scopeProduct ? { type: "product", product: scopeProduct } : { type: "all" },
    ...rule,
    ...w,
  }));
const contract = fc
  .record({
    organisationId: fc.constantFrom(...ORGS),
    sku: fc.constantFrom(...SKUS),
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    w: window,
  })
  .map(({ w, ...rule }) => ({ id: id(), kind: "contract_price", ...rule, ...w }));
const tier = fc
  .record({
    product: fc.option(fc.constantFrom(...PRODUCTS), { nil: null }),
    minQuantity: fc.integer({ min: 1, max: 50 }),
    mode: fc.constantFrom("percent", "unit_price"),
    bps: fc.integer({ min: 1, max: 9_000 }),
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    w: window,
  })
  .map(({ w, ...rule }) => ({ id: id(), kind: "tier", ...rule, ...w }));

const rules = fc
  .array(fc.oneof(base, surcharge, discount, contract, tier), { maxLength: 25 })
  .map((list) => list.map((rule) => ZPricingRule.parse(rule)));
const policy = fc.record({
  discounts: fc.constantFrom("best", "additive", "compound", "first_match"),
  tiers: fc.constantFrom("stack", "best_of"),
}) as fc.Arbitrary<TPricingPolicy>;
const request = fc
  .record({
    sku: fc.constantFrom(...SKUS),
    product: fc.constantFrom(...PRODUCTS),
    organisationId: fc.constantFrom(...ORGS),
    quantity: fc.integer({ min: 1, max: 100 }),
    size: fc.integer({ min: 0, max: 2_000 }),
    colour: fc.constantFrom("red", "blue"),
    offsetDays: fc.integer({ min: -20, max: 20 }),
  })
  .map(({ size, colour, offsetDays, ...rest }): TPriceRequest => ({
    ...rest,
    categories: [],
    configuration: { size, colour },
    at: new Date(AT + offsetDays * DAY),
  }));

const evaluate = (ruleList: TPricingRule[], thePolicy: TPricingPolicy, theRequest: TPriceRequest) =>
  priceLine(compileRuleSet({ versionId: "v", currency: "EUR", policy: thePolicy, rules: ruleList }), theRequest);

describe("pricing engine invariants", () => {
  it("never prices below zero, and line total = unit price × quantity", () => {
    fc.assert(
      fc.property(rules, policy, request, (ruleList, thePolicy, theRequest) => {
        const result = evaluate(ruleList, thePolicy, theRequest);
        if (!result.ok) return;
        expect(result.unitPrice).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(result.unitPrice)).toBe(true);
        expect(result.lineTotal).toBe(result.unitPrice * theRequest.quantity);
      }),
      { numRuns: 400 },
    );
  });

  it("explains the unit price exactly: the breakdown adds up to it", () => {
    fc.assert(
      fc.property(rules, policy, request, (ruleList, thePolicy, theRequest) => {
        const result = evaluate(ruleList, thePolicy, theRequest);
        if (result.ok)
          expect(result.breakdown.reduce((total, line) => total + line.amountMinor, 0)).toBe(result.unitPrice);
      }),
      { numRuns: 400 },
    );
  });

  it("gives identical results for identical inputs", () => {
    fc.assert(
      fc.property(rules, policy, request, (ruleList, thePolicy, theRequest) => {
        expect(evaluate(ruleList, thePolicy, theRequest)).toEqual(
          evaluate(structuredClone(ruleList), { ...thePolicy }, { ...theRequest, at: new Date(theRequest.at) }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("never raises a price when a discount is added (for first-match: one of lower priority)", () => {
    fc.assert(
      fc.property(rules, policy, request, discount, (ruleList, thePolicy, theRequest, extraInput) => {
        const lowest = Math.min(
          0,
          ...ruleList.filter((rule) => rule.kind === "org_discount").map((rule) => rule.priority),
        );
        const extra = ZPricingRule.parse({
          ...extraInput,
          priority: thePolicy.discounts === "first_match" ? Math.max(0, lowest - 1) : extraInput.priority,
        });
        const usable =
          thePolicy.discounts === "first_match"
            ? ruleList.filter((rule) => rule.kind !== "org_discount" || rule.priority > 0)
            : ruleList;
        const before = evaluate(usable, thePolicy, theRequest);
        const after = evaluate([...usable, extra], thePolicy, theRequest);
        if (before.ok && after.ok) expect(after.unitPrice).toBeLessThanOrEqual(before.unitPrice);
        expect(after.ok).toBe(before.ok);
      }),
      { numRuns: 400 },
    );
  });
});
