import { describe, expect, it } from "vitest";
import {
  canDecideRole,
  describeSequence,
  planApprovals,
  type TApprovalFacts,
  type TApprovalRuleView,
} from "@/lib/approvals/plan-approvals";
import { ZCreateApprovalRuleInput, ZRejectApprovalRequestInput } from "@/lib/approvals/schemas";

let nextId = 0;
const rule = (overrides: Partial<TApprovalRuleView>): TApprovalRuleView => ({
  id: `rule-${++nextId}`,
  position: nextId,
  condition: "TOTAL_ABOVE",
  amountMinor: 1_000_000,
  categoryHandle: null,
  approverRole: "APPROVER",
  active: true,
  ...overrides,
});

const facts = (overrides: Partial<TApprovalFacts> = {}): TApprovalFacts => ({
  totalMinor: 50_000,
  currency: "EUR",
  categoryHandles: [],
  isNewAddress: false,
  spending: null,
  ...overrides,
});

describe("planApprovals", () => {
  it("needs nothing when no rule matches", () => {
    expect(planApprovals([rule({})], facts())).toEqual([]);
  });

  it("collects every matching rule in position order, whatever order they come in", () => {
    const category = rule({
      position: 2,
      condition: "CONTAINS_CATEGORY",
      categoryHandle: "tables",
      approverRole: "ORG_ADMIN",
    });
    const total = rule({ position: 1, amountMinor: 1_000_000 });
    const steps = planApprovals(
      [category, total],
      facts({ totalMinor: 1_200_000, categoryHandles: ["cables", "tables"] }),
    );

    expect(steps).toEqual([
      { ruleId: total.id, reason: "Order total above €10,000.00", requiredRole: "APPROVER" },
      { ruleId: category.id, reason: "Contains a product of category “tables”", requiredRole: "ORG_ADMIN" },
    ]);
    expect(describeSequence(steps)).toBe("approver, then org admin");
  });

  it("treats 'above' strictly and ignores inactive rules", () => {
    expect(planApprovals([rule({ amountMinor: 50_000 })], facts({ totalMinor: 50_000 }))).toEqual([]);
    expect(planApprovals([rule({ amountMinor: 1, active: false })], facts())).toEqual([]);
  });

  it("asks for a new delivery address only when the address is new", () => {
    const newAddress = rule({ condition: "NEW_ADDRESS", amountMinor: null });
    expect(planApprovals([newAddress], facts())).toEqual([]);
    expect(planApprovals([newAddress], facts({ isNewAddress: true }))).toHaveLength(1);
  });

  it("uses the organisation's spending-limit rule, with the figures in the reason", () => {
    const limit = rule({ condition: "OVER_SPENDING_LIMIT", amountMinor: null, approverRole: "APPROVER" });
    const spending = { limitMinor: 100_000, usedMinor: 80_000, period: "MONTH" as const };

    expect(planApprovals([limit], facts({ totalMinor: 20_000, spending }))).toEqual([]);
    expect(planApprovals([limit], facts({ totalMinor: 20_001, spending }))).toEqual([
      {
        ruleId: limit.id,
        reason: "Over the buyer's monthly spending limit of €1,000.00 (€800.00 already used + €200.01 this order)",
        requiredRole: "APPROVER",
      },
    ]);
  });

  it("adds an implicit org-admin step, last, for a buyer over their limit when no rule covers limits", () => {
    const spending = { limitMinor: 100_000, usedMinor: 0, period: "WEEK" as const };
    const total = rule({ amountMinor: 10_000 });
    const steps = planApprovals([total], facts({ totalMinor: 150_000, spending }));

    expect(steps.map((step) => [step.ruleId, step.requiredRole])).toEqual([
      [total.id, "APPROVER"],
      [null, "ORG_ADMIN"],
    ]);
    expect(steps[1]!.reason).toContain("weekly spending limit of €1,000.00");
  });

  it("adds the implicit step when the organisation's only limit rule is inactive", () => {
    const inactive = rule({ condition: "OVER_SPENDING_LIMIT", amountMinor: null, active: false });
    const spending = { limitMinor: 100, usedMinor: 0, period: "DAY" as const };
    expect(planApprovals([inactive], facts({ totalMinor: 101, spending }))).toMatchObject([
      { ruleId: null, requiredRole: "ORG_ADMIN" },
    ]);
  });
});

describe("canDecideRole", () => {
  it.each([
    ["APPROVER", "APPROVER", true],
    ["APPROVER", "ORG_ADMIN", false],
    ["ORG_ADMIN", "APPROVER", true],
    ["ORG_ADMIN", "ORG_ADMIN", true],
    ["BUYER", "APPROVER", false],
    ["OPERATOR", "APPROVER", false],
  ])("%s deciding a %s step: %s", (role, required, allowed) => {
    expect(canDecideRole(role, required)).toBe(allowed);
  });
});

describe("input schemas", () => {
  it("names the missing field of each condition", () => {
    const total = ZCreateApprovalRuleInput.safeParse({ condition: "TOTAL_ABOVE", approverRole: "APPROVER" });
    expect(total.success || total.error.issues.map((issue) => issue.path.join("."))).toEqual(["amount"]);
    const category = ZCreateApprovalRuleInput.safeParse({
      condition: "CONTAINS_CATEGORY",
      categoryHandle: "Tables & Desks",
      approverRole: "ORG_ADMIN",
    });
    expect(category.success || category.error.issues.map((issue) => issue.path.join("."))).toEqual(["categoryHandle"]);
  });

  it("requires a rejection reason", () => {
    expect(ZRejectApprovalRequestInput.safeParse({ orderId: crypto.randomUUID(), reason: "  " }).success).toBe(false);
  });
});
