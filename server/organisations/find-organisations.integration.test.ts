// The staff organisations list: members and status, the Odoo partner an organisation is linked to
// (the external-ID table) with its cache's last sync, and the reason a suspended one was suspended
// (from the suspension's audit entry, the latest one when it was suspended more than once).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { setOrganisationStatusAction } from "@/server/actions/organisations";
import { findOrganisations } from "@/server/organisations/find-organisations";

const db = testDb();
afterAll(() => db.$disconnect());

type TOrg = Awaited<ReturnType<typeof createOrganisationWithMembers>>;
let linked: TOrg;
let unsynced: TOrg;
let unlinked: TOrg;
let partnerId = 0;

const summaryOf = async (org: TOrg) =>
  (await findOrganisations()).find((summary) => summary.id === org.organisation.id);

async function linkToOdoo(org: TOrg, odooPartnerId: number) {
  await db.externalLink.create({
    data: {
      system: "ODOO",
      entityType: "organisation",
      localId: org.organisation.id,
      externalId: String(odooPartnerId),
    },
  });
}

beforeEach(async () => {
  [linked, unsynced, unlinked] = await Promise.all([
    createOrganisationWithMembers(db),
    createOrganisationWithMembers(db),
    createOrganisationWithMembers(db),
  ]);
  partnerId = 700_000 + Math.floor(Math.random() * 200_000);
  signInAs(null);
});

describe("findOrganisations", () => {
  it("shows the linked Odoo partner with its ref and cache sync time, 'not synced' without a cache, nothing unlinked", async () => {
    const syncedAt = new Date(Date.now() - 5 * 60_000);
    await linkToOdoo(linked, partnerId);
    await db.erpCustomer.create({
      data: {
        organisationId: linked.organisation.id,
        odooPartnerId: partnerId,
        name: "Linked GmbH",
        ref: "CUST-0042",
        active: true,
        currency: "EUR",
        odooWriteDate: syncedAt,
        syncedAt,
      },
    });
    await linkToOdoo(unsynced, partnerId + 1);

    expect(await summaryOf(linked)).toMatchObject({
      name: linked.organisation.name,
      status: "ACTIVE",
      memberCount: 2,
      odoo: { partnerId, ref: "CUST-0042", syncedAt },
      suspension: null,
    });
    expect((await summaryOf(unsynced))?.odoo).toEqual({ partnerId: partnerId + 1, ref: null, syncedAt: null });
    expect((await summaryOf(unlinked))?.odoo).toBeNull();
  });

  it("does not show a cache row of another partner as the link's freshness", async () => {
    await linkToOdoo(linked, partnerId);
    await db.erpCustomer.create({
      data: {
        organisationId: linked.organisation.id,
        odooPartnerId: partnerId + 2,
        name: "Previous partner",
        ref: "OLD",
        active: true,
        currency: "EUR",
        odooWriteDate: new Date(),
        syncedAt: new Date(),
      },
    });
    expect((await summaryOf(linked))?.odoo).toEqual({ partnerId, ref: null, syncedAt: null });
  });

  it("gives a suspended organisation's latest suspension reason, and none once it is active again", async () => {
    const operator = await createUser(db, { role: "OPERATOR" });
    signInAs(operator);
    const organisationId = linked.organisation.id;
    const suspend = (reason: string) => setOrganisationStatusAction({ organisationId, status: "SUSPENDED", reason });
    expect(await suspend("First: unpaid invoices")).toMatchObject({ ok: true });
    expect(await setOrganisationStatusAction({ organisationId, status: "ACTIVE" })).toMatchObject({ ok: true });
    expect(await suspend("Second: fraud check")).toMatchObject({ ok: true });

    expect(await summaryOf(linked)).toMatchObject({
      status: "SUSPENDED",
      suspension: { reason: "Second: fraud check", by: operator.email, at: expect.any(Date) },
    });
    expect((await summaryOf(unlinked))?.suspension).toBeNull();

    expect(await setOrganisationStatusAction({ organisationId, status: "ACTIVE" })).toMatchObject({ ok: true });
    expect(await summaryOf(linked)).toMatchObject({ status: "ACTIVE", suspension: null });
  });
});
