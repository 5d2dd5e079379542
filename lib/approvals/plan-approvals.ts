// Which approvals an order needs: pure, so checkout, the approvals preview and the tests share
// one evaluation. Every matching active rule adds one step, in rule order; the same role may
// appear twice (two rules, two decisions — an organisation that wants one decision writes one rule).
import { periodAdjective, type TSpendingPeriod } from "@/lib/checkout/spending-period";
import { formatMoney } from "@/lib/pricing/units";

export type TApproverRole = "APPROVER" | "ORG_ADMIN";

export type TApprovalConditionKind = "TOTAL_ABOVE" | "CONTAINS_CATEGORY" | "NEW_ADDRESS" | "OVER_SPENDING_LIMIT";

export type TApprovalRuleView = {
  id: string;
  position: number;
  condition: TApprovalConditionKind;
  amountMinor: number | null;
  categoryHandle: string | null;
  approverRole: TApproverRole;
  active: boolean;
};

export type TSpendingFacts = { limitMinor: number; usedMinor: number; period: TSpendingPeriod };

export type TApprovalFacts = {
  totalMinor: number;
  currency: string;
  categoryHandles: readonly string[];
  /** The delivery address was never used by a placed order of the organisation. */
  isNewAddress: boolean;
  /** The buyer's limit and what the period already used; null when the buyer has no limit. */
  spending: TSpendingFacts | null;
};

export type TPlannedApproval = { ruleId: string | null; reason: string; requiredRole: TApproverRole };

/**
 * Who decides when a buyer goes over their limit and the organisation has no active
 * OVER_SPENDING_LIMIT rule: an org admin. A limit nobody enforces would be no limit at all.
 */
export const IMPLICIT_SPENDING_LIMIT_ROLE: TApproverRole = "ORG_ADMIN";

export const ROLE_LABEL: Record<TApproverRole, string> = { APPROVER: "approver", ORG_ADMIN: "org admin" };

/** This order takes the buyer past their limit (reaching it exactly is still within it). */
export const isOverSpendingLimit = (spending: TSpendingFacts | null, totalMinor: number) =>
  spending !== null && spending.usedMinor + totalMinor > spending.limitMinor;

/** The condition as an admin reads it in the rule list: "Order total above €10,000.00". */
export function describeCondition(
  rule: Pick<TApprovalRuleView, "condition" | "amountMinor" | "categoryHandle">,
  currency: string,
): string {
  switch (rule.condition) {
    case "TOTAL_ABOVE":
      return `Order total above ${formatMoney(rule.amountMinor ?? 0, currency)}`;
    case "CONTAINS_CATEGORY":
      return `Contains a product of category “${rule.categoryHandle ?? "?"}”`;
    case "NEW_ADDRESS":
      return "Delivery to an address not used before";
    case "OVER_SPENDING_LIMIT":
      return "Buyer over their spending limit";
  }
}

function spendingReason(spending: TSpendingFacts, totalMinor: number, currency: string): string {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    `Over the buyer's ${periodAdjective(spending.period)} spending limit of ${money(spending.limitMinor)} ` +
    `(${money(spending.usedMinor)} already used + ${money(totalMinor)} this order)`
  );
}

function matches(rule: TApprovalRuleView, facts: TApprovalFacts): boolean {
  switch (rule.condition) {
    case "TOTAL_ABOVE":
      return rule.amountMinor !== null && facts.totalMinor > rule.amountMinor;
    case "CONTAINS_CATEGORY":
      return rule.categoryHandle !== null && facts.categoryHandles.includes(rule.categoryHandle);
    case "NEW_ADDRESS":
      return facts.isNewAddress;
    case "OVER_SPENDING_LIMIT":
      return isOverSpendingLimit(facts.spending, facts.totalMinor);
  }
}

/** The approvals an order needs, in the order they must be given (empty: place it at once). */
export function planApprovals(rules: readonly TApprovalRuleView[], facts: TApprovalFacts): TPlannedApproval[] {
  const active = rules.filter((rule) => rule.active).sort((a, b) => a.position - b.position);
  const steps: TPlannedApproval[] = active
    .filter((rule) => matches(rule, facts))
    .map((rule) => ({
      ruleId: rule.id,
      reason:
        rule.condition === "OVER_SPENDING_LIMIT" && facts.spending
          ? spendingReason(facts.spending, facts.totalMinor, facts.currency)
          : describeCondition(rule, facts.currency),
      requiredRole: rule.approverRole,
    }));

  const hasLimitRule = active.some((rule) => rule.condition === "OVER_SPENDING_LIMIT");
  if (!hasLimitRule && facts.spending && isOverSpendingLimit(facts.spending, facts.totalMinor)) {
    steps.push({
      ruleId: null,
      reason: spendingReason(facts.spending, facts.totalMinor, facts.currency),
      requiredRole: IMPLICIT_SPENDING_LIMIT_ROLE,
    });
  }

  return steps;
}

/** An org admin may decide an approver's step too; an approver only approver steps. */
export const canDecideRole = (role: string, requiredRole: string) =>
  role === "ORG_ADMIN" || (role === "APPROVER" && requiredRole === "APPROVER");

/** "approver, then org admin" — the preview's sentence. */
export function describeSequence(steps: readonly Pick<TPlannedApproval, "requiredRole">[]): string {
  if (!steps.length) return "no approval: it would be placed at once";

  return steps.map((step) => ROLE_LABEL[step.requiredRole]).join(", then ");
}
