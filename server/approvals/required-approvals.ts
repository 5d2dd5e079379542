import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { planApprovals, type TApprovalRuleView } from "@/lib/approvals/plan-approvals";
import { AppError } from "@/lib/errors";
import {
  buyerSpendingFacts,
  findActiveRules,
  isNewDeliveryAddress,
  type TBuyerLimit,
} from "@/server/approvals/approval-facts";

/** What checkout knows about an order when it asks which approvals it needs. */
export type TApprovalCandidate = {
  organisationId: string;
  buyerId: string;
  currency: string;
  totalMinor: number;
  /**
   * Product category handles of the lines (for "contains a product of category"): the union of
   * the Medusa product categories (`product.categories[].handle`) of every line's product.
   */
  categoryHandles: readonly string[];
  /** The cached Odoo address chosen for delivery. */
  odooAddressId: number;
  /** The buyer's limit, when the caller already read it in the organisation's scope (checkout). */
  buyerLimit?: TBuyerLimit;
  /** What the caller already read (checkout does, side by side with its other reads). */
  known?: TKnownApprovalFacts;
};

/**
 * The organisation's active rules and whether the address is new (findActiveRules,
 * isNewDeliveryAddress), read beside Medusa's cart read; and, optionally, the buyer's spending in
 * the period (buyerSpendingFacts), read under the buyer's spending lock beside validation.
 */
export type TKnownApprovalFacts = {
  rules: TApprovalRuleView[];
  addressIsNew: boolean;
  spending?: Awaited<ReturnType<typeof buyerSpendingFacts>>;
};

/** One approval the order needs, in the order they must be given. */
export type TRequiredApproval = {
  /** The rule that asks for it; null for the implicit org-admin step of a buyer over their limit. */
  ruleId: string | null;
  /** As the approver reads it: "Order total above €10,000.00". */
  reason: string;
  requiredRole: Extract<Role, "APPROVER" | "ORG_ADMIN">;
};

/**
 * The approvals an order needs under its organisation's active rules, in rule order (empty: it
 * can be placed at once). Call it BEFORE the order row exists: the buyer's spending in the period
 * counts their PLACED and PENDING_APPROVAL orders, and would count this one twice. A buyer over
 * their spending limit needs an approval even when no rule says so (an implicit ORG_ADMIN step,
 * last). Read-only; a buyer not of the organisation is NOT_FOUND.
 */
export async function requiredApprovals(candidate: TApprovalCandidate): Promise<TRequiredApproval[]> {
  const { organisationId, buyerId, currency, totalMinor } = candidate;
  // Side by side: the address look-up is cheap enough to make even when no NEW_ADDRESS rule reads it.
  const [rules, buyer, addressIsNew] = await Promise.all([
    candidate.known?.rules ?? findActiveRules(organisationId),
    candidate.known?.spending ?? buyerSpendingFacts({ organisationId, buyerId, currency, known: candidate.buyerLimit }),
    candidate.known?.addressIsNew ?? isNewDeliveryAddress(organisationId, candidate.odooAddressId),
  ]);
  if (!buyer.found) throw new AppError("NOT_FOUND", "No such buyer in this organisation.");
  const isNewAddress = rules.some((rule) => rule.condition === "NEW_ADDRESS") && addressIsNew;

  return planApprovals(rules, {
    totalMinor,
    currency,
    categoryHandles: candidate.categoryHandles,
    isNewAddress,
    spending: buyer.spending,
  });
}
