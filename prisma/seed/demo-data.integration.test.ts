import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/support/db";
import { DEMO_USERS, seedDemoData } from "./demo-data";

const db = testDb();
afterAll(() => db.$disconnect());

const snapshot = async () => ({
  organisations: await db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, status: true } }),
  users: await db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, role: true, organisationId: true, passwordHash: true } }),
  models: await db.configuratorModelVersion.findMany({ orderBy: { number: "asc" }, select: { id: true, status: true, definition: true, model: { select: { productHandle: true } } } }),
  priceLists: await db.pricingRuleSetVersion.findMany({ select: { id: true, number: true, status: true, rules: true, ruleSet: { select: { currency: true } } } }),
});

describe("seedDemoData", () => {
  it("creates the demo organisations, logins and published price list, and a second run changes nothing", async () => {
    await seedDemoData(db, { password: "tradepost-demo" });
    const first = await snapshot();
    await seedDemoData(db, { password: "tradepost-demo" });

    expect(await snapshot()).toEqual(first);
    expect(first.organisations.map((organisation) => organisation.name)).toEqual(["Acme Interiors", "Borealis Fitouts"]);
    expect(first.users.map((user) => user.email).sort()).toEqual(DEMO_USERS.map((user) => user.email).sort());
    const acme = first.organisations[0]!.id;
    expect(first.users.filter((user) => user.organisationId === acme).map((user) => user.role).sort()).toEqual(["BUYER", "ORG_ADMIN"]);
    expect(first.users.filter((user) => user.organisationId === null).map((user) => user.role).sort()).toEqual(["DATA_MANAGER", "OPERATOR"]);
    expect(first.models.map((version) => [version.model.productHandle, version.status]).sort()).toEqual([["cable-assembly", "PUBLISHED"], ["made-to-measure-table", "PUBLISHED"]]);
    expect(first.priceLists).toEqual([expect.objectContaining({ number: 1, status: "PUBLISHED", ruleSet: { currency: "EUR" } })]);
  });
});
