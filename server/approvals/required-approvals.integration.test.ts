// requiredApprovals against a real PostgreSQL: which of an organisation's rules an order matches,
// in order and with their roles; a new delivery address; the buyer's spend in a calendar period of
// the organisation's time zone against their limit; another organisation's buyer refused.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { order, organisation, rule, type TOrg } from "../../test/support/approvals";
import { testDb } from "../../test/support/db";
import { spendingPeriodBounds } from "@/lib/checkout/spending-period";
import { requiredApprovals } from "@/server/approvals/required-approvals";

const db = testDb();
afterAll(() => db.$disconnect());

let a: TOrg;
let b: TOrg;
beforeEach(async () => {
  [a, b] = await Promise.all([organisation(), organisation()]);
});

describe("requiredApprovals", () => {
  const candidate = (org: TOrg, overrides = {}) => ({
    organisationId: org.organisation.id,
    buyerId: org.buyer.id,
    currency: "EUR",
    totalMinor: 50_000,
    categoryHandles: [] as string[],
    odooAddressId: 7,
    ...overrides,
  });

  it("needs nothing without rules or limits", async () => {
    expect(await requiredApprovals(candidate(a, { totalMinor: 10_000_000 }))).toEqual([]);
  });

  it("collects each matching active rule in position order, with its role and reason", async () => {
    const id = a.organisation.id;
    const category = await rule(id, 1, "CONTAINS_CATEGORY", { categoryHandle: "tables", approverRole: "ORG_ADMIN" });
    const total = await rule(id, 2, "TOTAL_ABOVE", { amountMinor: 1_000_000 });
    await rule(id, 3, "TOTAL_ABOVE", { amountMinor: 1, active: false });
    await rule(b.organisation.id, 1, "TOTAL_ABOVE", { amountMinor: 1 }); // another organisation's rule

    expect(await requiredApprovals(candidate(a, { totalMinor: 1_200_000, categoryHandles: ["tables"] }))).toEqual([
      { ruleId: category.id, reason: "Contains a product of category “tables”", requiredRole: "ORG_ADMIN" },
      { ruleId: total.id, reason: "Order total above €10,000.00", requiredRole: "APPROVER" },
    ]);
    expect(await requiredApprovals(candidate(a, { totalMinor: 1_000_000, categoryHandles: ["cables"] }))).toEqual([]);
  });

  it("counts an address as new until a PLACED order of the organisation used it", async () => {
    const newAddress = await rule(a.organisation.id, 1, "NEW_ADDRESS");
    await order(a, { status: "REJECTED", odooAddressId: 41 });
    await order(b, { status: "PLACED", odooAddressId: 41 });
    expect(await requiredApprovals(candidate(a, { odooAddressId: 41 }))).toMatchObject([{ ruleId: newAddress.id }]);

    await order(a, { status: "PLACED", odooAddressId: 41 });
    expect(await requiredApprovals(candidate(a, { odooAddressId: 41 }))).toEqual([]);
  });

  it("sums placed and pending orders of the buyer's calendar month in the organisation's time zone", async () => {
    await db.organisation.update({ where: { id: a.organisation.id }, data: { timeZone: "America/New_York" } });
    await db.user.update({
      where: { id: a.buyer.id },
      data: { spendingLimitMinor: 100_000, spendingLimitPeriod: "MONTH" },
    });
    const { start } = spendingPeriodBounds("MONTH", new Date(), "America/New_York");
    await order(a, { status: "PLACED", totalMinor: 50_000, submittedAt: start }); // first second of the month
    await order(a, { status: "PENDING_APPROVAL", totalMinor: 30_000 });
    await order(a, { status: "PLACED", totalMinor: 90_000, submittedAt: new Date(start.getTime() - 1000) }); // last month
    await order(a, { status: "REJECTED", totalMinor: 90_000 });
    await order(a, { status: "PLACED", totalMinor: 90_000, buyerId: a.admin.id }); // someone else's

    expect(await requiredApprovals(candidate(a, { totalMinor: 20_000 }))).toEqual([]); // 80k used + 20k = the limit
    const over = await requiredApprovals(candidate(a, { totalMinor: 20_001 }));
    // No OVER_SPENDING_LIMIT rule: an org admin decides.
    expect(over).toEqual([
      {
        ruleId: null,
        reason: "Over the buyer's monthly spending limit of €1,000.00 (€800.00 already used + €200.01 this order)",
        requiredRole: "ORG_ADMIN",
      },
    ]);

    const limitRule = await rule(a.organisation.id, 1, "OVER_SPENDING_LIMIT");
    expect(await requiredApprovals(candidate(a, { totalMinor: 20_001 }))).toMatchObject([
      { ruleId: limitRule.id, requiredRole: "APPROVER" },
    ]);
  });

  it("refuses a buyer of another organisation", async () => {
    await expect(requiredApprovals(candidate(a, { buyerId: b.buyer.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
