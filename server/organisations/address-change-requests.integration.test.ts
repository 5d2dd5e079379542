// An org admin's address change request against the in-process emulator: recorded and queued in
// one transaction, pushed to Odoo as a to-do on the address's partner (once, however often the job
// runs), shown as done once Odoo's copy of the address changes; another organisation's address is
// out of reach.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { signInAs } from "../../test/support/next-request-scope";
import { createOrganisationWithMembers } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { organisationRef } from "@/lib/erp/organisation-ref";
import { requestAddressChangeAction } from "@/server/actions/organisation-members";
import { syncOdooCustomer } from "@/server/erp/sync-odoo-customer";
import { stopSender } from "@/server/jobs/enqueue";
import type { OdooClient } from "@/server/odoo/client";
import { createChildAddress, createCompanyPartner } from "@/server/odoo/partners";
import { findAddressChangeRequests } from "@/server/organisations/find-address-change-requests";
import { pushAddressChangeRequest } from "@/server/organisations/push-address-change-request";

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
  await db.erpAddress.deleteMany();
  await db.erpCustomer.deleteMany();
  await db.externalLink.deleteMany({ where: { system: "ODOO" } });
  signInAs(null);
});

async function seedLinkedOrganisation() {
  const org = await createOrganisationWithMembers(db);
  const address = { street: "Weg 2", zip: "20457", city: "Hamburg", countryCode: "DE" };
  const { id: companyId } = await createCompanyPartner(client, {
    ref: organisationRef(org.organisation.id),
    name: "Acme Interiors GmbH",
    address: { ...address, street: "Hauptstr. 1" },
  });
  const { id: deliveryId } = await createChildAddress(client, {
    parentId: companyId,
    ref: `TP-${randomUUID().slice(0, 8)}`,
    type: "delivery",
    name: "Warehouse",
    address,
  });
  await syncOdooCustomer(companyId, client);

  return { ...org, companyId, deliveryId };
}

const ZActivity = z.object({ id: z.number(), summary: z.string(), res_id: z.number() });
const activitiesOn = (partnerId: number) =>
  client.searchRead("mail.activity", ["summary", "res_id"], ZActivity, { domain: [["res_id", "=", partnerId]] });

describe("address change requests", () => {
  it("reach Odoo once as a to-do on the address and are done when Odoo's address changes", async () => {
    const a = await seedLinkedOrganisation();
    signInAs(a.admin);
    const result = await requestAddressChangeAction({ odooPartnerId: a.deliveryId, message: "Now Kaistraße 9" });
    expect(result.ok).toBe(true);
    const request = await db.addressChangeRequest.findFirstOrThrow({ where: { organisationId: a.organisation.id } });
    expect(request.addressSnapshot).toBe("Warehouse, Weg 2, 20457 Hamburg, DE");
    const jobs = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM pgboss.job WHERE name = 'organisations.push-address-change-request'
        AND data->'payload'->>'requestId' = ${request.id}`;
    expect(jobs).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: request.id, action: "address.change-requested" } })).toBe(1);
    expect((await findAddressChangeRequests(a.organisation.id))[0]?.state).toBe("waiting");

    await pushAddressChangeRequest({ requestId: request.id });
    await db.addressChangeRequest.update({ where: { id: request.id }, data: { odooActivityId: null } });
    await pushAddressChangeRequest({ requestId: request.id });
    const activities = await activitiesOn(a.deliveryId);
    expect(activities).toHaveLength(1);
    expect(activities[0]?.summary).toMatch(new RegExp(`^\\[Tradepost ACR-${request.id}\\] Address change requested`));
    expect((await findAddressChangeRequests(a.organisation.id))[0]?.state).toBe("sent");

    await emulator.odoo.admin("POST", "actions/partner", { id: a.deliveryId, values: { street: "Kaistraße 9" } });
    await syncOdooCustomer(a.deliveryId, client);
    expect((await findAddressChangeRequests(a.organisation.id))[0]?.state).toBe("done");
  });

  it("another organisation's address is NOT_FOUND; a buyer may not ask; a short message is a field error", async () => {
    const a = await seedLinkedOrganisation();
    const b = await createOrganisationWithMembers(db);
    signInAs(b.admin);
    expect(await requestAddressChangeAction({ odooPartnerId: a.deliveryId, message: "Move it to us" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    signInAs(a.buyer);
    expect(await requestAddressChangeAction({ odooPartnerId: a.deliveryId, message: "Please move" })).toMatchObject({
      code: "FORBIDDEN",
    });
    signInAs(a.admin);
    expect(await requestAddressChangeAction({ odooPartnerId: a.deliveryId, message: "x" })).toMatchObject({
      fieldErrors: { message: [expect.any(String)] },
    });
    expect(await db.addressChangeRequest.count({ where: { organisationId: a.organisation.id } })).toBe(0);
  });
});
