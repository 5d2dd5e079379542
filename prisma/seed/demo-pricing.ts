import type { PrismaClient } from "../../generated/prisma/client";
import { DEFAULT_POLICY, ZPricingRule, type TPricingRule } from "../../lib/pricing/rules";

// The demo's published EUR price list. Every demo product costs each demo organisation
// something different: Acme Interiors has 10 % off everything; Borealis Fitouts has a
// contract price for the oak table, 15 % off accessories and 5 % off cables. Handles and
// SKUs are those of the Medusa demo catalogue (stack/medusa/src/scripts/seed/demo-products.ts).

export const DEMO_BASE_PRICES: Record<string, number> = {
  "TBL-ATELIER-OAK": 89_000,
  "TBL-ATELIER-WALNUT": 109_000,
  "TBL-ATELIER-GLASS": 99_000,
  "CBL-ASSY-CAT6A": 1_400,
  "CBL-ASSY-OM4": 3_200,
  "ACC-FEET-M8": 2_400,
  "ACC-TRAY-800": 3_900,
  "ACC-GROMMET-80": 1_250,
  "ACC-ARM-DUAL": 14_900,
  "CBL-PATCH-10": 4_500,
  "ACC-SCREEN-1200": 8_900,
  "ACC-SCREEN-1600": 10_900,
};

function demoRules(acme: string, borealis: string): TPricingRule[] {
  const base = Object.entries(DEMO_BASE_PRICES).map(([sku, amount], index) => ({
    id: `BP-${String(index + 1).padStart(3, "0")}`,
    kind: "base_price",
    sku,
    amount,
  }));

  return [
    ...base,
    {
      id: "SC-001",
      kind: "surcharge",
      product: "made-to-measure-table",
      option: "width_mm",
      mode: "per_unit",
      amount: 1_500,
      step: 100,
      from: 1_200,
      note: "Width above 1200 mm: €15 per started 100 mm",
    },
    {
      id: "SC-002",
      kind: "surcharge",
      product: "made-to-measure-table",
      option: "depth_mm",
      mode: "per_unit",
      amount: 1_000,
      step: 100,
      from: 800,
      note: "Depth above 800 mm: €10 per started 100 mm",
    },
    {
      id: "SC-003",
      kind: "surcharge",
      product: "made-to-measure-table",
      option: "legs",
      value: "oak",
      mode: "fixed",
      amount: 12_000,
      note: "Solid oak legs",
    },
    {
      id: "SC-004",
      kind: "surcharge",
      product: "made-to-measure-table",
      option: "cable_port",
      mode: "fixed",
      amount: 4_500,
      note: "Cable port with flap",
    },
    {
      id: "SC-005",
      kind: "surcharge",
      product: "cable-assembly",
      option: "length_m",
      mode: "per_unit",
      amount: 180,
      step: 1,
      from: 1,
      note: "Cable length: €1.80 per metre above 1 m",
    },
    {
      id: "SC-006",
      kind: "surcharge",
      product: "cable-assembly",
      option: "jacket",
      value: "lszh",
      mode: "percent",
      bps: 800,
      note: "Low-smoke zero-halogen jacket",
    },
    {
      id: "SC-007",
      kind: "surcharge",
      product: "cable-assembly",
      option: "test_report",
      mode: "fixed",
      amount: 900,
      note: "Printed test report",
    },
    {
      id: "OD-001",
      kind: "org_discount",
      organisationId: acme,
      scope: { type: "all" },
      bps: 1_000,
      note: "Acme framework agreement: 10 %",
    },
    {
      id: "OD-002",
      kind: "org_discount",
      organisationId: borealis,
      scope: { type: "category", category: "accessories" },
      bps: 1_500,
      note: "Borealis accessories: 15 %",
    },
    {
      id: "OD-003",
      kind: "org_discount",
      organisationId: borealis,
      scope: { type: "category", category: "cables" },
      bps: 500,
      note: "Borealis cabling: 5 %",
    },
    {
      id: "CP-001",
      kind: "contract_price",
      organisationId: borealis,
      sku: "TBL-ATELIER-OAK",
      amount: 82_500,
      note: "Borealis contract: oak table",
    },
    {
      id: "TR-001",
      kind: "tier",
      product: null,
      minQuantity: 10,
      maxQuantity: 49,
      mode: "percent",
      bps: 300,
      note: "Volume 10–49: 3 %",
    },
    {
      id: "TR-002",
      kind: "tier",
      product: null,
      minQuantity: 50,
      maxQuantity: null,
      mode: "percent",
      bps: 600,
      note: "Volume 50+: 6 %",
    },
  ].map((rule) => ZPricingRule.parse(rule));
}

/** Publishes the demo EUR price list unless a EUR rule set exists. Idempotent. */
export async function seedDemoPricing(
  db: PrismaClient,
  organisations: { acme: string; borealis: string },
): Promise<void> {
  if (await db.pricingRuleSet.findUnique({ where: { currency: "EUR" } })) return;
  const now = new Date();
  await db.$transaction(async (tx) => {
    const ruleSet = await tx.pricingRuleSet.create({ data: { name: "Standard prices (EUR)", currency: "EUR" } });
    const version = await tx.pricingRuleSetVersion.create({
      data: {
        ruleSetId: ruleSet.id,
        number: 1,
        status: "PUBLISHED",
        rules: demoRules(organisations.acme, organisations.borealis),
        policy: DEFAULT_POLICY,
        note: "Demo price list",
        publishedAt: now,
        effectiveFrom: now,
      },
    });
    await tx.auditLog.create({
      data: {
        actorLabel: "system:demo-seed",
        action: "pricing.version.published",
        entityType: "pricing_version",
        entityId: version.id,
        after: { number: 1, currency: "EUR" },
      },
    });
  });
}
