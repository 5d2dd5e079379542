import { describe, expect, it } from "vitest";
import { emptyRuleForm, formToRuleInput, ruleToForm } from "@/lib/pricing/rule-form";
import { RULE_KINDS, ZPricingRule } from "@/lib/pricing/rules";

const ORG = "00000000-0000-4000-8000-00000000000a";
const SAMPLES = [
  { id: "BP-001", kind: "base_price", sku: "TBL", amount: 89_050, validFrom: "2026-12-01T08:30:00.000Z", note: "x" },
  {
    id: "SC-001",
    kind: "surcharge",
    product: "table",
    option: "width_mm",
    mode: "per_unit",
    amount: 1_500,
    step: 100,
    from: 1200,
    priority: 3,
  },
  {
    id: "OD-001",
    kind: "org_discount",
    organisationId: ORG,
    scope: { type: "category", category: "tables" },
    bps: 1250,
    exclusive: true,
  },
  {
    id: "CP-001",
    kind: "contract_price",
    organisationId: ORG,
    sku: "TBL",
    amount: 80_000,
    validTo: "2027-01-01T00:00:00.000Z",
  },
  {
    id: "TR-001",
    kind: "tier",
    product: null,
    organisationId: null,
    minQuantity: 10,
    maxQuantity: 49,
    mode: "percent",
    bps: 300,
  },
].map((rule) => ZPricingRule.parse(rule));

describe("rule form", () => {
  it.each(SAMPLES.map((rule) => [rule.kind, rule] as const))(
    "round-trips a %s rule through the form",
    (_kind, rule) => {
      const result = formToRuleInput(ruleToForm(rule, "EUR"), "EUR", rule.id);
      expect(result.ok && ZPricingRule.parse({ ...result.input, id: rule.id })).toEqual(rule);
    },
  );

  it("starts every kind with a form that only lacks what the user must fill in", () => {
    for (const kind of RULE_KINDS) expect(formToRuleInput(emptyRuleForm(kind), "EUR").ok).toBe(false);
  });

  it("reports errors under the form's field names", () => {
    const form = { ...emptyRuleForm("org_discount"), organisationId: ORG, scopeType: "product", percent: "12.345" };
    expect(formToRuleInput(form, "EUR")).toEqual({
      ok: false,
      fieldErrors: { percent: ["Enter a percentage, e.g. 10 or 12.5."] },
    });
    const schema = formToRuleInput({ ...form, percent: "0" }, "EUR");
    expect(schema).toEqual({
      ok: false,
      fieldErrors: {
        scopeValue: ["Use the product handle: lower-case letters, digits and dashes."],
        percent: ["A discount must be more than 0."],
      },
    });
    expect(
      formToRuleInput({ ...emptyRuleForm("base_price"), sku: "X", amount: "10", validFrom: "tomorrow" }, "EUR"),
    ).toEqual({ ok: false, fieldErrors: { validFrom: ["Enter a date and time."] } });
  });
});
