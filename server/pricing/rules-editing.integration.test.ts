import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { ok } from "../../test/support/actions";
import { catalogueBasePrices, rule, testCurrency } from "../../test/support/pricing";
import { createOrganisation, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import type { TPricingRule } from "@/lib/pricing/rules";
import {
  acknowledgeWarningsAction,
  bulkEditRulesAction,
  deleteRulesAction,
  importRulesAction,
  saveRuleAction,
  simulatePriceAction,
  updatePolicyAction,
} from "@/server/actions/pricing-rules";
import { createRuleSetAction } from "@/server/actions/pricing-versions";
import { checkVersion } from "@/server/pricing/check-version";
import { exportRules } from "@/server/pricing/export-rules";
import { getVersionOrThrow } from "@/server/pricing/version-records";

const db = testDb();
afterAll(() => db.$disconnect());

let dataManager: Awaited<ReturnType<typeof createUser>>;
let acme: { id: string; name: string };
let basePrices: TPricingRule[];

beforeAll(async () => {
  [dataManager, acme] = await Promise.all([createUser(db, { role: "DATA_MANAGER" }), createOrganisation(db)]);
  basePrices = await catalogueBasePrices();
});
beforeEach(() => signInAs(dataManager));

async function draft(rules: TPricingRule[] = basePrices) {
  const currency = testCurrency();
  const { versionId } = ok(await createRuleSetAction({ name: `Prices ${currency}`, currency }));
  await db.pricingRuleSetVersion.update({ where: { id: versionId }, data: { rules } });

  return versionId;
}

const snapshot = async (versionId: string) => ({
  version: await db.pricingRuleSetVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { rules: true, policy: true, revision: true },
  }),
  audit: await db.auditLog.count({ where: { entityId: versionId } }),
});

describe("editing rules", () => {
  it("adds a rule with a server-chosen id and changes it, auditing before and after", async () => {
    const versionId = await draft();
    const { ruleId } = ok(
      await saveRuleAction({
        versionId,
        rule: { kind: "org_discount", organisationId: acme.id, scope: { type: "all" }, bps: 1000 },
        before: null,
      }),
    );
    expect(ruleId).toBe("OD-001");
    const added = (await getVersionOrThrow(versionId)).rules.find((item) => item.id === ruleId)!;
    ok(await saveRuleAction({ versionId, rule: { ...added, bps: 1200 }, before: added }));

    expect((await getVersionOrThrow(versionId)).rules.find((item) => item.id === ruleId)).toMatchObject({ bps: 1200 });
    const audit = await db.auditLog.findMany({
      where: { entityId: versionId, action: { in: ["pricing.rule.added", "pricing.rule.changed"] } },
      orderBy: { at: "asc" },
    });
    expect(audit.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ["pricing.rule.added", null, added],
      ["pricing.rule.changed", added, { ...added, bps: 1200 }],
    ]);
    expect((await db.pricingRuleSetVersion.findUniqueOrThrow({ where: { id: versionId } })).revision).toBe(2);
  });

  it("returns field errors for an invalid rule and changes nothing", async () => {
    const versionId = await draft();
    const before = await snapshot(versionId);
    const result = await saveRuleAction({
      versionId,
      rule: { kind: "tier", minQuantity: 10, maxQuantity: 5, mode: "percent", bps: 0 },
      before: null,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: {
        maxQuantity: ["The last quantity must be at least the first."],
        bps: ["A percentage tier needs basis points."],
      },
    });
    expect(await snapshot(versionId)).toEqual(before);
  });

  it("refuses to overwrite a rule someone else changed meanwhile (CONFLICT), but not edits to other rules", async () => {
    const versionId = await draft();
    const [first, second] = basePrices as [
      TPricingRule & { kind: "base_price" },
      TPricingRule & { kind: "base_price" },
    ];
    ok(await saveRuleAction({ versionId, rule: { ...first, amount: 1 }, before: first }));
    expect(await saveRuleAction({ versionId, rule: { ...first, amount: 2 }, before: first })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(/was changed meanwhile/),
    });
    ok(await saveRuleAction({ versionId, rule: { ...second, amount: 3 }, before: second }));
    expect(
      (await getVersionOrThrow(versionId)).rules.slice(0, 2).map((item) => ("amount" in item ? item.amount : null)),
    ).toEqual([1, 3]);
  });

  it("bulk-edits selected rules all or nothing", async () => {
    const versionId = await draft();
    const selected = basePrices.slice(0, 3);
    expect(
      ok(await bulkEditRulesAction({ versionId, rules: selected, patch: { adjustAmountBps: 550, priority: 2 } })),
    ).toEqual({ changed: 3 });
    const rules = (await getVersionOrThrow(versionId)).rules;
    expect(rules.slice(0, 3).map((item) => ["amount" in item ? item.amount : null, item.priority])).toEqual(
      selected.map((item) => ["amount" in item ? Math.floor((item.amount * 10_550 + 5_000) / 10_000) : null, 2]),
    );
    const before = await snapshot(versionId);
    const refused = await bulkEditRulesAction({
      versionId,
      rules: rules.slice(0, 2),
      patch: { validFrom: "2027-01-01T00:00:00Z", validTo: "2026-01-01T00:00:00Z" },
    });
    expect(refused).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: expect.stringMatching(/nothing was changed/),
      fieldErrors: { [rules[0]!.id]: ["validTo: The rule must start before it ends."] },
    });
    expect(await snapshot(versionId)).toEqual(before);
  });

  it("deletes rules and changes the stacking policy, audited", async () => {
    const versionId = await draft();
    ok(await deleteRulesAction({ versionId, rules: [basePrices[0]!] }));
    ok(await updatePolicyAction({ versionId, policy: { discounts: "compound", tiers: "best_of" } }));
    const version = await getVersionOrThrow(versionId);
    expect(version.rules.map((item) => item.id)).not.toContain(basePrices[0]!.id);
    expect(version.policy).toEqual({ discounts: "compound", tiers: "best_of" });
    expect(
      await db.auditLog.findFirst({ where: { entityId: versionId, action: "pricing.policy.changed" } }),
    ).toMatchObject({
      before: { discounts: "best", tiers: "stack" },
      after: { discounts: "compound", tiers: "best_of" },
    });
  });
});

describe("conflicts and acknowledgements", () => {
  it("flags a seeded conflict until it is fixed, and lets warnings be acknowledged", async () => {
    const versionId = await draft([
      ...basePrices,
      rule({ id: "TR-001", kind: "tier", minQuantity: 1, maxQuantity: 10, mode: "percent", bps: 100 }),
      rule({ id: "TR-002", kind: "tier", minQuantity: 10, mode: "percent", bps: 200 }),
    ]);
    const first = await checkVersion(await getVersionOrThrow(versionId));
    expect(first.errors.map((item) => item.code)).toEqual(["TIER_OVERLAP"]);
    expect(first.blocker).toBe("1 error must be fixed first.");

    const tier = (await getVersionOrThrow(versionId)).rules.find((item) => item.id === "TR-002")!;
    ok(await saveRuleAction({ versionId, rule: { ...tier, minQuantity: 12 }, before: tier }));
    const second = await checkVersion(await getVersionOrThrow(versionId));
    expect(second.errors).toEqual([]);
    expect(second.unacknowledged.map((item) => item.code)).toEqual(["TIER_GAP"]);
    ok(await acknowledgeWarningsAction({ versionId, keys: second.unacknowledged.map((item) => item.key) }));
    expect((await checkVersion(await getVersionOrThrow(versionId))).blocker).toBeNull();
    expect(await acknowledgeWarningsAction({ versionId, keys: ["TIER_GAP:nope"] })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});

describe("CSV import and export", () => {
  const header = "id,organisation,scope,scope_value,percent,exclusive,priority,valid_from,valid_to,note";

  it("applies nothing when any row is invalid, reporting each row and column", async () => {
    const versionId = await draft();
    const before = await snapshot(versionId);
    const text = [
      header,
      `,${acme.name},all,,10,no,0,,,Good row`,
      `,Nobody Ltd,all,,10,no,0,,,`,
      `,${acme.name},category,tables,abc,maybe,0,,,`,
    ].join("\n");
    const result = ok(await importRulesAction({ versionId, kind: "org_discount", mode: "merge", text }));
    expect(result).toEqual({
      applied: false,
      errors: [
        { row: 3, column: "organisation", message: 'No organisation called "Nobody Ltd".' },
        { row: 4, column: "percent", message: "Enter a percentage, e.g. 10 or 12.5." },
        { row: 4, column: "exclusive", message: "Use yes or no." },
      ],
    });
    expect(await snapshot(versionId)).toEqual(before);
  });

  it("imports a valid file (audited) and exports it back identically", async () => {
    const versionId = await draft();
    const text = [
      header,
      `,${acme.name},all,,10,no,0,,,Framework`,
      `,${acme.name.toUpperCase()},category,tables,2.5,yes,1,2026-01-01,,Tables`,
    ].join("\r\n");
    expect(ok(await importRulesAction({ versionId, kind: "org_discount", mode: "replace", text }))).toEqual({
      applied: true,
      rows: 2,
      added: 2,
      changed: 0,
      removed: 0,
    });
    const discounts = (await getVersionOrThrow(versionId)).rules.filter((item) => item.kind === "org_discount");
    expect(discounts).toEqual([
      expect.objectContaining({ id: "OD-001", organisationId: acme.id, scope: { type: "all" }, bps: 1000 }),
      expect.objectContaining({
        id: "OD-002",
        scope: { type: "category", category: "tables" },
        bps: 250,
        exclusive: true,
        validFrom: "2026-01-01T00:00:00.000Z",
      }),
    ]);
    expect(
      await db.auditLog.findFirst({ where: { entityId: versionId, action: "pricing.rules.imported" } }),
    ).toMatchObject({
      before: { kind: "org_discount", rules: [] },
      after: { kind: "org_discount", mode: "replace", rules: discounts },
    });

    const exported = await exportRules({ versionId, kind: "org_discount" });
    expect(exported.filename).toMatch(/^x..-v1-org-discount\.csv$/);
    expect(exported.csv.split("\r\n")[1]).toBe(`OD-001,${acme.name},all,,10,no,0,,,Framework`);
    const before = await snapshot(versionId);
    expect(
      ok(await importRulesAction({ versionId, kind: "org_discount", mode: "replace", text: exported.csv })),
    ).toEqual({ applied: true, rows: 2, added: 0, changed: 0, removed: 0 });
    expect(await snapshot(versionId)).toEqual(before);
  });
});

describe("simulator", () => {
  it("prices a configuration under the draft and under the live version side by side", async () => {
    const versionId = await draft([
      ...basePrices,
      rule({ id: "OD-001", kind: "org_discount", organisationId: acme.id, scope: { type: "all" }, bps: 1000 }),
    ]);
    const sku = basePrices[0]!.kind === "base_price" ? basePrices[0]!.sku : "";
    const simulation = ok(
      await simulatePriceAction({
        versionId,
        product: "made-to-measure-table",
        sku,
        configuration: { width_mm: 1600 },
        organisationId: acme.id,
        quantity: 2,
        at: new Date().toISOString(),
      }),
    );
    expect(simulation.live).toBeNull();
    expect(simulation.version.result).toMatchObject({
      ok: true,
      unitPrice: 9_000,
      lineTotal: 18_000,
      breakdown: [
        { type: "base", amountMinor: 10_000 },
        { type: "discount", amountMinor: -1_000, ruleId: "OD-001" },
      ],
    });
    expect(
      await simulatePriceAction({
        versionId,
        product: "",
        sku,
        configuration: {},
        organisationId: acme.id,
        quantity: 0,
        at: "soon",
      }),
    ).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { product: ["Choose a product."], quantity: ["At least 1."], at: ["Choose a date and time."] },
    });
  });
});
