import { describe, expect, it } from "vitest";
import { describePricingAudit } from "@/lib/pricing/describe-audit";
import {
  describeEffect,
  describeQuantity,
  describeScope,
  describeValidity,
  ruleConcernsProduct,
  searchableText,
} from "@/lib/pricing/describe-rule";
import { formatBps } from "@/lib/pricing/evaluate";
import { ZPricingRule } from "@/lib/pricing/rules";

const ORG = "00000000-0000-4000-8000-00000000000a";
const rule = (input: Record<string, unknown>) => ZPricingRule.parse(input);

describe("rules in words", () => {
  it("formats basis points without Intl", () => {
    expect([0, 5, 50, 1000, 1250, 1205, 10_000].map(formatBps)).toEqual([
      "0 %",
      "0.05 %",
      "0.5 %",
      "10 %",
      "12.5 %",
      "12.05 %",
      "100 %",
    ]);
  });

  it("describes what each kind of rule does", () => {
    expect(
      describeEffect(
        rule({
          id: "a",
          kind: "surcharge",
          product: "t",
          option: "width_mm",
          mode: "per_unit",
          amount: 1500,
          step: 100,
          from: 1200,
        }),
        "EUR",
      ),
    ).toBe("€15.00 per 100 above 1200");
    expect(
      describeEffect(
        rule({ id: "b", kind: "surcharge", product: "t", option: "top", value: "glass", mode: "percent", bps: 800 }),
        "EUR",
      ),
    ).toBe("8 % of base");
    expect(
      describeEffect(rule({ id: "c", kind: "tier", minQuantity: 10, mode: "unit_price", amount: 80_000 }), "GBP"),
    ).toBe("£800.00 each");
    expect(describeScope({ type: "category", category: "tables" })).toBe("Category tables");
    expect(describeQuantity({ minQuantity: 10, maxQuantity: null })).toBe("10+");
    expect(describeValidity({ validFrom: "2026-12-01T00:00:00Z", validTo: "2027-01-01T00:00:00Z" })).toBe(
      "1 Dec 2026 – 1 Jan 2027",
    );
    expect(describeValidity({ validFrom: null, validTo: null })).toBe("always");
  });

  it("tells which rules can affect a product", () => {
    const table = { handle: "table", skus: ["TBL-OAK"], categories: ["tables"] };
    expect(ruleConcernsProduct(rule({ id: "a", kind: "base_price", sku: "TBL-OAK", amount: 1 }), table)).toBe(true);
    expect(
      ruleConcernsProduct(
        rule({ id: "b", kind: "contract_price", organisationId: ORG, sku: "OTHER", amount: 1 }),
        table,
      ),
    ).toBe(false);
    expect(
      ruleConcernsProduct(
        rule({
          id: "c",
          kind: "org_discount",
          organisationId: ORG,
          scope: { type: "category", category: "tables" },
          bps: 1,
        }),
        table,
      ),
    ).toBe(true);
    expect(
      ruleConcernsProduct(
        rule({ id: "d", kind: "tier", product: "chair", minQuantity: 1, mode: "percent", bps: 1 }),
        table,
      ),
    ).toBe(false);
    expect(ruleConcernsProduct(rule({ id: "e", kind: "tier", minQuantity: 1, mode: "percent", bps: 1 }), table)).toBe(
      true,
    );
  });

  it("makes a rule findable by its organisation's name", () => {
    const discount = rule({
      id: "OD-001",
      kind: "org_discount",
      organisationId: ORG,
      scope: { type: "all" },
      bps: 1000,
      note: "Framework",
    });
    expect(searchableText(discount, { organisation: () => "Acme Interiors" })).toContain("acme interiors");
  });

  it("summarises audit entries for a version's history", () => {
    const before = rule({ id: "BP-001", kind: "base_price", sku: "X", amount: 100 });
    expect(describePricingAudit("pricing.rule.changed", before, { ...before, amount: 120 })).toEqual([
      "Changed BP-001",
      "amount: 100 → 120",
    ]);
    expect(describePricingAudit("pricing.rules.deleted", [before], null)).toEqual(["Deleted BP-001"]);
    expect(
      describePricingAudit(
        "pricing.rules.imported",
        { kind: "base_price", rules: [] },
        { kind: "base_price", mode: "replace", rules: [before] },
      ),
    ).toEqual(["Imported base price rules from CSV (replace): 0 → 1 rules"]);
    expect(
      describePricingAudit(
        "pricing.version.published",
        { status: "APPROVED", live: 1 },
        {
          status: "PUBLISHED",
          effectiveFrom: "2026-11-22T09:00:14.971Z",
          changes: { added: 0, changed: 3, removed: 0 },
        },
      ),
    ).toEqual(["Live from 2026-11-22 09:00 UTC", "Against version 1: 0 added, 3 changed, 0 removed"]);
    expect(
      describePricingAudit(
        "pricing.version.rolled_back",
        { live: 2 },
        { live: 3, restored: 1, changes: { added: 0, changed: 1, removed: 0 } },
      )[0],
    ).toBe("Version 1 restored as version 3, replacing version 2");
    expect(
      describePricingAudit("pricing.version.approved", { status: "PENDING_APPROVAL" }, { status: "APPROVED" }),
    ).toEqual(["status: PENDING_APPROVAL → APPROVED"]);
  });
});
