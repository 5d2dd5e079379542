// The customer cache against the in-process emulator: an organisation's Odoo company partner,
// its delivery/invoice addresses and credit reach ErpCustomer/ErpAddress, idempotently, never
// overwritten by an older read; through the webhook processor and the reconciliation pass too.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createOrganisation } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { organisationRef } from "@/lib/erp/organisation-ref";
import { syncOdooCustomer } from "@/server/erp/sync-odoo-customer";
import { processInboundDelivery } from "@/server/integrations/process-inbound-delivery";
import { ODOO_RECONCILERS } from "@/server/integrations/reconcilers";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { OdooError } from "@/server/odoo/errors";
import { createChildAddress, createCompanyPartner } from "@/server/odoo/partners";

const emulator = useOdooEmulator();
const current = vi.hoisted(() => ({ client: null as unknown }));
// The registered processor and reconciler use the app's client: point it at this file's emulator.
vi.mock("@/server/odoo/get-odoo-client", () => ({ getOdooClient: () => current.client }));

const db = testDb();
afterAll(() => db.$disconnect());

let client: OdooClient;
beforeEach(async () => {
  client = emulator.client("json2");
  current.client = client;
  // The emulator starts from a fresh database (ids start again) for every test: so does the cache.
  await db.erpAddress.deleteMany();
  await db.erpCustomer.deleteMany();
  await db.externalLink.deleteMany({ where: { system: "ODOO" } });
  await db.syncCursor.deleteMany();
});

const address = (street: string, city: string) => ({ street, zip: "10115", city, countryCode: "DE" });

/** An organisation whose Odoo company carries its reference, with a delivery and an invoice address. */
async function seedCustomer() {
  const organisation = await createOrganisation(db);
  const { id: companyId } = await createCompanyPartner(client, {
    ref: organisationRef(organisation.id),
    name: "Acme Interiors GmbH",
    vat: "DE123456789",
    address: address("Hauptstr. 1", "Berlin"),
  });
  const child = (ref: string, type: "delivery" | "invoice", city: string) =>
    createChildAddress(client, {
      parentId: companyId,
      ref,
      type,
      name: `${type} ${city}`,
      address: address("Weg 2", city),
    });
  const { id: deliveryId } = await child("TP-A-1", "delivery", "Hamburg");
  const { id: invoiceId } = await child("TP-A-2", "invoice", "Bonn");
  await changePartner(companyId, {
    credit_limit: 2500,
    property_payment_term_id: 2,
    user_id: 2,
    sale_warn_msg: "Call first",
  });

  return { organisation, companyId, deliveryId, invoiceId };
}

/** What an Odoo user does in the form view (the emulator's "act as Odoo user" action). */
async function changePartner(id: number, values: Record<string, unknown>) {
  const response = await emulator.odoo.admin("POST", "actions/partner", { id, values });
  expect(response.status).toBe(200);
}

const cachedAddresses = (organisationId: string) =>
  db.erpAddress.findMany({ where: { organisationId }, orderBy: { odooPartnerId: "asc" } });

describe("syncOdooCustomer", () => {
  it("caches the customer and its addresses, links the organisation, and a second run writes nothing", async () => {
    const { organisation, companyId, deliveryId, invoiceId } = await seedCustomer();

    expect(await syncOdooCustomer(companyId, client)).toMatchObject({ outcome: "CHANGED", localId: organisation.id });
    const customer = await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: organisation.id } });
    expect(customer).toMatchObject({
      odooPartnerId: companyId,
      name: "Acme Interiors GmbH",
      ref: organisation.id,
      vat: "DE123456789",
      active: true,
      salesWarning: "Call first",
      currency: "USD",
      creditLimitMinor: 250_000,
      amountDueMinor: 0,
      paymentTermId: 2,
      paymentTermName: expect.any(String),
      salespersonName: expect.any(String),
    });
    const addresses = await cachedAddresses(organisation.id);
    expect(addresses.map((row) => [row.odooPartnerId, row.type, row.city, row.countryCode])).toEqual([
      [companyId, "contact", "Berlin", "DE"],
      [deliveryId, "delivery", "Hamburg", "DE"],
      [invoiceId, "invoice", "Bonn", "DE"],
    ]);
    expect(
      await db.externalLink.findFirst({
        where: { system: "ODOO", entityType: "organisation", localId: organisation.id },
      }),
    ).toMatchObject({ externalId: String(companyId) });

    expect(await syncOdooCustomer(deliveryId, client)).toMatchObject({ outcome: "UNCHANGED" });
    expect(await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: organisation.id } })).toEqual(customer);
    expect(await cachedAddresses(organisation.id)).toEqual(addresses);
  });

  it("follows an address change made in Odoo, and drops an archived address", async () => {
    const { organisation, companyId, deliveryId, invoiceId } = await seedCustomer();
    await syncOdooCustomer(companyId, client);

    await changePartner(deliveryId, { street: "Kai 9", city: "Bremen", phone: "+49 421 1" });
    await changePartner(invoiceId, { active: false });
    expect(await syncOdooCustomer(deliveryId, client)).toMatchObject({ outcome: "CHANGED" });

    const rows = await cachedAddresses(organisation.id);
    expect(rows.map((row) => row.odooPartnerId)).toEqual([companyId, deliveryId]);
    expect(rows[1]).toMatchObject({ street: "Kai 9", city: "Bremen", phone: "+49 421 1" });
    expect(await syncOdooCustomer(companyId, client)).toMatchObject({ outcome: "UNCHANGED" });
  });

  it("lets concurrent syncs of one customer (webhook and poll at once) end with one consistent cache", async () => {
    const { organisation, companyId, deliveryId, invoiceId } = await seedCustomer();
    const results = await Promise.all(
      [companyId, deliveryId, invoiceId, companyId].map((id) => syncOdooCustomer(id, client)),
    );

    expect(results.map((result) => result.outcome).sort()).toEqual(["CHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED"]);
    expect(await db.erpCustomer.count({ where: { organisationId: organisation.id } })).toBe(1);
    expect(await db.erpAddress.count({ where: { organisationId: organisation.id } })).toBe(3);
    expect(await db.externalLink.count({ where: { system: "ODOO", entityType: "organisation" } })).toBe(1);
  });

  it("brings a credit limit change to the cache", async () => {
    const { organisation, companyId } = await seedCustomer();
    await syncOdooCustomer(companyId, client);
    await changePartner(companyId, { credit_limit: 10_000.5 });

    expect(await syncOdooCustomer(companyId, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      creditLimitMinor: 1_000_050,
    });

    // Past what the cache's 32-bit minor units hold: refused (not retried), the cache keeps the last figure.
    await changePartner(companyId, { credit_limit: 30_000_000 });
    await expect(syncOdooCustomer(companyId, client)).rejects.toMatchObject({
      code: "INVALID_STATE",
      retryable: false,
    });
    expect(
      (await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: organisation.id } })).creditLimitMinor,
    ).toBe(1_000_050);
  });

  it("never replaces the cache with an older read (deliveries out of order)", async () => {
    await emulator.freezeClock("2026-12-03 10:00:00");
    const { organisation, companyId, deliveryId } = await seedCustomer();
    const before = JSON.parse(
      JSON.stringify(emulator.odoo.emulator.env.state),
    ) as typeof emulator.odoo.emulator.env.state;
    await emulator.freezeClock("2026-12-03 10:00:05");
    await changePartner(companyId, { name: "Acme Renamed GmbH", credit_limit: 9_000 });
    await changePartner(deliveryId, { city: "Kiel" });
    await syncOdooCustomer(companyId, client);

    // Odoo answers with what it had at 10:00:00 (a read that raced the change, handled last).
    emulator.odoo.emulator.env.state = before;
    expect(await syncOdooCustomer(deliveryId, client)).toMatchObject({
      outcome: "UNCHANGED",
      summary: expect.stringContaining("older than the cache"),
    });
    expect(await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      name: "Acme Renamed GmbH",
      creditLimitMinor: 900_000,
      odooWriteDate: new Date("2026-12-03T10:00:05Z"),
    });
    expect((await db.erpAddress.findUniqueOrThrow({ where: { odooPartnerId: deliveryId } })).city).toBe("Kiel");
  });

  it("skips a partner of no organisation and one naming an unknown organisation, writing nothing", async () => {
    const { id: stranger } = await createCompanyPartner(client, {
      ref: "SOMEONE-ELSE",
      name: "Stranger",
      address: address("A 1", "Ulm"),
    });
    const { id: ghost } = await createCompanyPartner(client, {
      ref: randomUUID(),
      name: "Ghost",
      address: address("A 2", "Ulm"),
    });

    expect(await syncOdooCustomer(stranger, client)).toMatchObject({ outcome: "SKIPPED" });
    expect(await syncOdooCustomer(ghost, client)).toMatchObject({ outcome: "SKIPPED" });
    expect(await db.erpCustomer.count()).toBe(0);
    expect(await db.erpAddress.count()).toBe(0);
    expect(await db.externalLink.count({ where: { system: "ODOO" } })).toBe(0);
  });

  it("keeps the cached credit figures when Odoo refuses them to the integration user", async () => {
    const { organisation, companyId, deliveryId } = await seedCustomer();
    await syncOdooCustomer(companyId, client);
    await changePartner(deliveryId, { city: "Essen" });
    await changePartner(companyId, { credit_limit: 1 });
    const restricted = restrictedClient();

    expect(await syncOdooCustomer(companyId, restricted)).toMatchObject({
      outcome: "CHANGED",
      summary: expect.stringContaining("credit not readable"),
    });
    expect(await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      creditLimitMinor: 250_000,
    });
    expect((await db.erpAddress.findUniqueOrThrow({ where: { odooPartnerId: deliveryId } })).city).toBe("Essen");
  });

  it("removes the cache of a company partner Odoo no longer has", async () => {
    const { organisation, companyId } = await seedCustomer();
    await syncOdooCustomer(companyId, client);
    await client.callMethod("res.partner", "unlink", [companyId], z.literal(true));

    expect(await syncOdooCustomer(companyId, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await db.erpCustomer.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(await db.erpAddress.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});

describe("the res.partner webhook and reconciliation", () => {
  it("processes an inbox delivery by re-reading the partner (the body's values are ignored)", async () => {
    const { organisation, deliveryId } = await seedCustomer();
    const delivery = await db.inboundDelivery.create({
      data: {
        source: "odoo",
        status: "ACCEPTED",
        body: JSON.stringify({ _model: "res.partner", _id: deliveryId, id: deliveryId, city: "Forged City" }),
        subjectType: "res.partner",
        subjectId: String(deliveryId),
        correlationId: "test",
      },
    });

    expect(
      await processInboundDelivery(
        { deliveryId: delivery.id },
        { jobId: randomUUID(), attempt: 0, correlationId: "c" },
      ),
    ).toEqual({ status: "changed" });
    expect(await db.inboundDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "PROCESSED",
    });
    expect((await db.erpAddress.findUniqueOrThrow({ where: { odooPartnerId: deliveryId } })).city).toBe("Hamburg");
    expect(await db.erpCustomer.count({ where: { organisationId: organisation.id } })).toBe(1);
  });

  it("finds a change whose webhook was lost in the next reconciliation pass", async () => {
    // After the seed records the reset wrote at the real time, so the poll reaches them first.
    await emulator.freezeClock("2030-01-01 11:00:00");
    const { organisation, companyId, deliveryId } = await seedCustomer();
    const reconciler = await ODOO_RECONCILERS["odoo.res.partner"]!();
    expect((await runReconciliation(reconciler)).changed).toBe(1);
    expect(await db.erpAddress.count({ where: { organisationId: organisation.id } })).toBe(3);

    // No webhook rule in this emulator: the change reaches Tradepost only by polling.
    await emulator.freezeClock("2030-01-01 11:00:03");
    await changePartner(deliveryId, { city: "Leipzig" });
    await changePartner(companyId, { credit_limit: 7_000 });
    // Two partners changed, one customer: synced once.
    expect(await runReconciliation(reconciler)).toMatchObject({ read: 1, changed: 1, failed: 0 });
    expect((await db.erpAddress.findUniqueOrThrow({ where: { odooPartnerId: deliveryId } })).city).toBe("Leipzig");
    expect(await db.erpCustomer.findUniqueOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      creditLimitMinor: 700_000,
    });
    expect(await runReconciliation(reconciler)).toMatchObject({ changed: 0 });
  });
});

/** A client whose user lacks Odoo's accounting groups: reading credit fields is an AccessError. */
function restrictedClient(): OdooClient {
  const restricted = emulator.client("json2");
  const read = restricted.read.bind(restricted);
  restricted.read = ((model, ids, fields, schema, context) => {
    if (fields.includes("credit_limit"))
      return Promise.reject(
        new OdooError(
          "odoo",
          "odoo.exceptions.AccessError",
          "You do not have enough rights to access the fields",
          false,
          403,
        ),
      );

    return read(model, ids, fields, schema, context);
  }) as OdooClient["read"];

  return restricted;
}
