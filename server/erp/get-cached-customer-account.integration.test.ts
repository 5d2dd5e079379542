// The organisation page's read of the ERP cache: scoped to the caller's organisation inside the
// query, admins only, and an empty state for an organisation not linked to Odoo yet.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import type { TSessionUser } from "@/server/auth/session";
import { getCachedCustomerAccount } from "@/server/erp/get-cached-customer-account";

const db = testDb();
afterAll(() => db.$disconnect());

type TSeeded = Awaited<ReturnType<typeof createOrganisationWithMembers>>;
let a: TSeeded;
let b: TSeeded;
let nextPartnerId = 1000;

const sessionOf = (user: {
  id: string;
  email: string;
  name: string;
  role: TSessionUser["role"];
  organisationId: string | null;
}) => ({
  ...user,
  organisationName: null,
});

async function seedCache(organisationId: string, name: string, city: string, creditLimitMinor: number) {
  const partnerId = (nextPartnerId += 10);
  const when = { odooWriteDate: new Date("2026-12-03T10:00:00Z"), syncedAt: new Date("2026-12-03T10:00:01Z") };
  await db.erpCustomer.create({
    data: {
      organisationId,
      odooPartnerId: partnerId,
      name,
      active: true,
      currency: "EUR",
      creditLimitMinor,
      amountDueMinor: 125_000,
      paymentTermName: "30 Days",
      salespersonName: "Mitchell Admin",
      ...when,
    },
  });
  await db.erpAddress.createMany({
    data: [
      {
        odooPartnerId: partnerId + 1,
        organisationId,
        type: "invoice",
        name: "Accounts",
        street: "Geldweg 1",
        zip: "53111",
        city: "Bonn",
        countryCode: "DE",
        ...when,
      },
      {
        odooPartnerId: partnerId,
        organisationId,
        type: "contact",
        street: "Hauptstr. 1",
        zip: "10115",
        city,
        countryCode: "DE",
        ...when,
      },
    ],
  });
}

beforeEach(async () => {
  [a, b] = await Promise.all([createOrganisationWithMembers(db), createOrganisationWithMembers(db)]);
  await seedCache(a.organisation.id, "Acme A GmbH", "Berlin", 1_000_000);
  await seedCache(b.organisation.id, "Bravo B GmbH", "Munich", 200_000);
});

describe("getCachedCustomerAccount", () => {
  it("gives an org admin their organisation's account: credit, terms, addresses (company first)", async () => {
    const account = await getCachedCustomerAccount(sessionOf(a.admin));

    expect(account).toMatchObject({
      linked: true,
      name: "Acme A GmbH",
      creditLimitMinor: 1_000_000,
      amountDueMinor: 125_000,
      availableCreditMinor: 875_000,
      paymentTermName: "30 Days",
      updatedAt: new Date("2026-12-03T10:00:01Z"),
    });
    expect(account.linked && account.addresses.map((row) => [row.type, row.lines])).toEqual([
      ["contact", ["Hauptstr. 1", "10115 Berlin", "Germany"]],
      ["invoice", ["Geldweg 1", "53111 Bonn", "Germany"]],
    ]);
  });

  it("never shows another organisation's data: an admin of B sees B only", async () => {
    const account = await getCachedCustomerAccount(sessionOf(b.admin));

    expect(account).toMatchObject({ linked: true, name: "Bravo B GmbH", creditLimitMinor: 200_000 });
    expect(JSON.stringify(account)).not.toMatch(/Acme|Berlin/);
    expect(account.linked && account.addresses.map((row) => row.lines[1])).toEqual(["10115 Munich", "53111 Bonn"]);
  });

  it("refuses a buyer and staff (FORBIDDEN)", async () => {
    const operator = await createUser(db, { role: "OPERATOR" });
    await expect(getCachedCustomerAccount(sessionOf(a.buyer))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCachedCustomerAccount(sessionOf(operator))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("says an organisation is not linked yet, with the reference that links it", async () => {
    const c = await createOrganisationWithMembers(db);

    expect(await getCachedCustomerAccount(sessionOf(c.admin))).toEqual({ linked: false, reference: c.organisation.id });
  });
});
