import "server-only";
import type { Role } from "@/generated/prisma/enums";

/** What checkout knows about an order when it asks which approvals it needs. */
export type TApprovalCandidate = {
  organisationId: string;
  buyerId: string;
  currency: string;
  totalMinor: number;
  /** Product category handles of the lines (for "contains a product of category"). */
  categoryHandles: readonly string[];
  /** The cached Odoo address chosen for delivery. */
  odooAddressId: number;
};

/** One approval the order needs, in the order they must be given. */
export type TRequiredApproval = {
  ruleId: string;
  /** As the approver reads it: "Order total above €10,000.00". */
  reason: string;
  requiredRole: Extract<Role, "APPROVER" | "ORG_ADMIN">;
};

/**
 * The approvals an order needs under its organisation's rules, in rule order (empty: it can be
 * placed at once). Placeholder until the approvals work lands (being written now): no rules apply.
 */
export async function requiredApprovals(candidate: TApprovalCandidate): Promise<TRequiredApproval[]> {
  void candidate;
  return [];
}
