import "server-only";
import {
  describeSequence,
  isOverSpendingLimit,
  planApprovals,
  type TPlannedApproval,
} from "@/lib/approvals/plan-approvals";
import type { TPreviewApprovalsInput } from "@/lib/approvals/schemas";
import { AppError } from "@/lib/errors";
import { formatMoney, parseAmount } from "@/lib/pricing/units";
import { buyerSpendingFacts, findActiveRules } from "@/server/approvals/approval-facts";
import { db } from "@/server/db";

export type TApprovalPreview = {
  /** "An order of €12,000.00 by Anna Weber would need: approver, then org admin." */
  sentence: string;
  steps: TPlannedApproval[];
  spending: { limitMinor: number; usedMinor: number; overLimit: boolean } | null;
};

/**
 * What an order by one member of the organisation would need under the active rules, with the
 * member's real spending this period: the same evaluation checkout runs. Read-only.
 */
export async function previewApprovals({
  organisationId,
  input,
  currency,
}: {
  organisationId: string;
  input: TPreviewApprovalsInput;
  currency: string;
}): Promise<TApprovalPreview> {
  const totalMinor = parseAmount(input.amount, currency);
  if (totalMinor === null || totalMinor < 0) {
    throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", {
      amount: [`Enter an amount in ${currency}, such as 12000.`],
    });
  }
  const [member, rules, buyer] = await Promise.all([
    db.user.findFirst({ where: { id: input.buyerId, organisationId }, select: { name: true } }),
    findActiveRules(organisationId),
    buyerSpendingFacts({ organisationId, buyerId: input.buyerId, currency }),
  ]);
  if (!member || !buyer.found) throw new AppError("NOT_FOUND", "No such member in your organisation.");

  const steps = planApprovals(rules, {
    totalMinor,
    currency,
    categoryHandles: input.categoryHandle ? [input.categoryHandle] : [],
    isNewAddress: input.newAddress,
    spending: buyer.spending,
  });
  const what = `An order of ${formatMoney(totalMinor, currency)} by ${member.name}`;

  return {
    sentence: steps.length ? `${what} would need: ${describeSequence(steps)}.` : `${what} would need no approval.`,
    steps,
    spending: buyer.spending && {
      limitMinor: buyer.spending.limitMinor,
      usedMinor: buyer.spending.usedMinor,
      overLimit: isOverSpendingLimit(buyer.spending, totalMinor),
    },
  };
}
