import "server-only";
import type { SpendingPeriod } from "@/generated/prisma/enums";
import type { TApprovalRuleView, TSpendingFacts } from "@/lib/approvals/plan-approvals";
import { spendingUsedInPeriod } from "@/server/approvals/spending-used-in-period";
import { db } from "@/server/db";

// What requiredApprovals() and the settings preview both read about an organisation and a buyer.

export async function findActiveRules(organisationId: string): Promise<TApprovalRuleView[]> {
  const rules = await db.approvalRule.findMany({
    where: { organisationId, active: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      position: true,
      condition: true,
      amountMinor: true,
      categoryHandle: true,
      approverRole: true,
      active: true,
    },
  });

  // approverRole is constrained to APPROVER / ORG_ADMIN by the use cases that write rules.
  return rules.map((rule) => ({ ...rule, approverRole: rule.approverRole === "APPROVER" ? "APPROVER" : "ORG_ADMIN" }));
}

/** A buyer's limit as checkout already read it (scoped to the organisation there). */
export type TBuyerLimit = { spendingLimitMinor: number | null; spendingLimitPeriod: SpendingPeriod; timeZone: string };

/**
 * The buyer's limit and what the current period used; null when the buyer has no limit. NOT in
 * this org: null buyer. `known`: the buyer's limit, already read in the organisation's scope by the
 * caller (then only the period's spend is read).
 */
export async function buyerSpendingFacts({
  organisationId,
  buyerId,
  currency,
  at = new Date(),
  known,
}: {
  organisationId: string;
  buyerId: string;
  currency: string;
  at?: Date;
  known?: TBuyerLimit;
}): Promise<{ found: boolean; spending: TSpendingFacts | null }> {
  const buyer =
    known ??
    (await db.user
      .findFirst({
        where: { id: buyerId, organisationId },
        select: { spendingLimitMinor: true, spendingLimitPeriod: true, organisation: { select: { timeZone: true } } },
      })
      .then((row) => row?.organisation && { ...row, timeZone: row.organisation.timeZone }));
  if (!buyer) return { found: false, spending: null };
  if (buyer.spendingLimitMinor === null) return { found: true, spending: null };

  const { usedMinor } = await spendingUsedInPeriod({
    buyerId,
    period: buyer.spendingLimitPeriod,
    timeZone: buyer.timeZone,
    currency,
    at,
  });

  return {
    found: true,
    spending: { limitMinor: buyer.spendingLimitMinor, usedMinor, period: buyer.spendingLimitPeriod },
  };
}

/** Whether no PLACED order of the organisation was delivered to this cached Odoo address. */
export async function isNewDeliveryAddress(organisationId: string, odooAddressId: number): Promise<boolean> {
  const used = await db.order.findFirst({
    where: { organisationId, odooAddressId, status: "PLACED" },
    select: { id: true },
  });

  return used === null;
}
