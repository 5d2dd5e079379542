// The drift report against the in-process emulator: changes in Odoo that never reached the cache
// (no webhook, no reconciliation yet) are found field by field, recorded, and healed by re-syncing;
// a report without healing changes nothing in the cache; a clean cache reports nothing.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOrganisation } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { organisationRef } from "@/lib/erp/organisation-ref";
import { reportDrift } from "@/server/erp/report-drift";
import { syncOdooCustomer } from "@/server/erp/sync-odoo-customer";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";
import type { OdooClient } from "@/server/odoo/client";
import { createCompanyPartner } from "@/server/odoo/partners";

const emulator = useOdooEmulator();
const db = testDb();
afterAll(() => db.$disconnect());
let client: OdooClient;
beforeEach(async () => {
  client = emulator.client("json2");
  await db.erpStock.deleteMany();
  await db.erpAddress.deleteMany();
  await db.erpCustomer.deleteMany();
  await db.externalLink.deleteMany({ where: { system: "ODOO" } });
});

async function cachedCustomerAndStock() {
  const organisation = await createOrganisation(db);
  const { id: partnerId } = await createCompanyPartner(client, {
    ref: organisationRef(organisation.id),
    name: "Borealis Fitouts AB",
    address: { street: "Storgatan 1", zip: "11122", city: "Stockholm", countryCode: "SE" },
  });
  await client.write("res.partner", [partnerId], { credit_limit: 1000 });
  const [productId] = await client.create("product.product", {
    name: "Drift feet",
    default_code: "DRIFT-1",
    is_storable: true,
  });
  await emulator.odoo.admin("POST", "actions/stock", { productId, quantity: 5, locationId: 5 });
  await syncOdooCustomer(partnerId, client);
  await syncOdooStock({ productId: productId! }, client);

  return { organisationId: organisation.id, partnerId, productId: productId! };
}

describe("reportDrift", () => {
  it("reports nothing when the cache matches Odoo", async () => {
    await cachedCustomerAndStock();
    expect(await reportDrift({ heal: true }, client)).toMatchObject({ drifted: 0, healed: 0 });
  });

  it("finds what changed in Odoo behind the cache's back, records it, and heals it by re-syncing", async () => {
    const { organisationId, partnerId, productId } = await cachedCustomerAndStock();
    await client.write("res.partner", [partnerId], { credit_limit: 2500 });
    await emulator.odoo.admin("POST", "actions/stock", { productId, quantity: 8, locationId: 5 });

    const looked = await reportDrift({ heal: false }, client);
    expect(looked).toMatchObject({ drifted: 2, healed: 0 });
    const findings = await db.driftFinding.findMany({ where: { runId: looked.runId }, orderBy: { field: "asc" } });
    expect(
      findings.map(({ model, odooId, field, cached, actual, healedAt }) => ({
        model,
        odooId,
        field,
        cached,
        actual,
        healedAt,
      })),
    ).toEqual([
      {
        model: "res.partner",
        odooId: partnerId,
        field: "creditLimitMinor",
        cached: "100000",
        actual: "250000",
        healedAt: null,
      },
      { model: "product.product", odooId: productId, field: "onHand", cached: "5", actual: "8", healedAt: null },
    ]);
    expect((await db.erpCustomer.findUniqueOrThrow({ where: { organisationId } })).creditLimitMinor).toBe(100_000);

    const healed = await reportDrift({ heal: true }, client);
    expect(healed).toMatchObject({ drifted: 2, healed: 2 });
    expect(await db.driftFinding.count({ where: { runId: healed.runId, healedAt: null } })).toBe(0);
    expect((await db.erpCustomer.findUniqueOrThrow({ where: { organisationId } })).creditLimitMinor).toBe(250_000);
    expect(Number((await db.erpStock.findFirstOrThrow({ where: { sku: "DRIFT-1" } })).onHand)).toBe(8);
    expect(await reportDrift({ heal: true }, client)).toMatchObject({ drifted: 0 });
    expect(await db.syncRun.count({ where: { kind: "odoo.drift" } })).toBeGreaterThanOrEqual(3);
  });
});
