// Staff onboarding of an organisation from Odoo against the in-process emulator: the company is
// found through the gateway, linked once (a second onboarding of the same partner is refused),
// its first org admin invited, the ERP cache filled; data managers may look but not onboard.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { onboardOrganisationAction } from "@/server/actions/organisation-onboarding";
import { stopSender } from "@/server/jobs/enqueue";
import type { OdooClient } from "@/server/odoo/client";
import { createCompanyPartner } from "@/server/odoo/partners";
import { findOdooCompanies } from "@/server/organisations/find-odoo-companies";

const emulator = useOdooEmulator();
const current = vi.hoisted(() => ({ client: null as unknown }));
vi.mock("@/server/odoo/get-odoo-client", () => ({ getOdooClient: () => current.client }));

const db = testDb();
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

let client: OdooClient;
beforeEach(async () => {
  client = emulator.client("json2");
  current.client = client;
  await db.externalLink.deleteMany({ where: { system: "ODOO" } });
  signInAs(null);
});

async function seedOdooCompany(name: string) {
  const { id } = await createCompanyPartner(client, {
    ref: `CUST-${randomUUID().slice(0, 8)}`,
    name,
    vat: "DE987654321",
    address: { street: "Ringstr. 5", zip: "50667", city: "Köln", countryCode: "DE" },
  });

  return id;
}

describe("onboarding an organisation from Odoo", () => {
  it("an operator finds the company, onboards it once and its first admin is invited; the cache is filled", async () => {
    const name = `Rheinland Büro ${randomUUID().slice(0, 6)}`;
    const partnerId = await seedOdooCompany(name);
    const found = await findOdooCompanies(name.slice(0, 12));
    expect(found).toContainEqual(expect.objectContaining({ odooPartnerId: partnerId, name, linkedOrganisation: null }));

    const operator = await createUser(db, { role: "OPERATOR" });
    signInAs(operator);
    const adminEmail = `first-admin-${randomUUID()}@example.com`;
    const result = await onboardOrganisationAction({ odooPartnerId: partnerId, name, adminEmail });
    expect(result.ok).toBe(true);
    const organisation = await db.organisation.findUniqueOrThrow({ where: { name } });
    expect(await db.externalLink.findFirst({ where: { system: "ODOO", entityType: "organisation" } })).toMatchObject({
      localId: organisation.id,
      externalId: String(partnerId),
    });
    expect(await db.invitation.findFirstOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      email: adminEmail,
      role: "ORG_ADMIN",
      invitedById: operator.id,
    });
    expect(await db.erpCustomer.findUnique({ where: { organisationId: organisation.id } })).toMatchObject({
      odooPartnerId: partnerId,
      name,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "organisation.onboarded" } });
    expect(audit).toMatchObject({ actorId: operator.id, organisationId: organisation.id });
    expect((await findOdooCompanies(name.slice(0, 12)))[0]?.linkedOrganisation).toEqual({ id: organisation.id, name });

    const again = await onboardOrganisationAction({
      odooPartnerId: partnerId,
      name: `${name} (2)`,
      adminEmail: `other-${randomUUID()}@example.com`,
    });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/already linked/) });
    expect(await db.organisation.count({ where: { name: `${name} (2)` } })).toBe(0);
  });

  it("refuses an unknown partner and a taken name on the field; a data manager cannot onboard", async () => {
    const operator = await createUser(db, { role: "OPERATOR" });
    signInAs(operator);
    expect(
      await onboardOrganisationAction({ odooPartnerId: 999_999, name: "Nobody AG", adminEmail: "x@example.com" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const taken = await db.organisation.create({ data: { name: `Taken ${randomUUID().slice(0, 6)}` } });
    const partnerId = await seedOdooCompany("Another Company GmbH");
    expect(
      await onboardOrganisationAction({
        odooPartnerId: partnerId,
        name: taken.name,
        adminEmail: `a-${randomUUID()}@example.com`,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/exists already/)] } });
    expect(await db.externalLink.count({ where: { externalId: String(partnerId) } })).toBe(0);

    signInAs(await createUser(db, { role: "DATA_MANAGER" }));
    expect(
      await onboardOrganisationAction({ odooPartnerId: partnerId, name: "DM Try", adminEmail: "dm@example.com" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
