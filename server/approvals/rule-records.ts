import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TCreateApprovalRuleInput } from "@/lib/approvals/schemas";
import { AppError } from "@/lib/errors";
import { formatAmount, parseAmount } from "@/lib/pricing/units";

// Shared by the approval-rule use cases: the rule's stored fields from form input, and the
// per-organisation lock that keeps positions consistent when two admins edit at once.

export function toRuleData(input: TCreateApprovalRuleInput, currency: string) {
  let amountMinor: number | null = null;
  if (input.condition === "TOTAL_ABOVE") {
    amountMinor = parseAmount(input.amount, currency);
    if (amountMinor === null || amountMinor < 0 || amountMinor > 2_000_000_000) {
      throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", {
        amount: [`Enter an amount in ${currency}, such as 10000 or 2500.50.`],
      });
    }
  }

  return {
    condition: input.condition,
    amountMinor,
    categoryHandle: input.condition === "CONTAINS_CATEGORY" ? input.categoryHandle : null,
    approverRole: input.approverRole,
  };
}

export type TRuleData = ReturnType<typeof toRuleData>;

export const ruleSnapshot = (rule: TRuleData & { position?: number; active?: boolean }, currency: string) => ({
  ...rule,
  amount: rule.amountMinor === null ? null : `${formatAmount(rule.amountMinor, currency)} ${currency}`,
});

export async function lockOrganisationRules(tx: Prisma.TransactionClient, organisationId: string): Promise<void> {
  const found = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Organisation" WHERE id = ${organisationId}::uuid FOR UPDATE`;
  if (!found.length) throw new AppError("NOT_FOUND", "No such organisation.");
}

export async function getRuleInOrganisation(tx: Prisma.TransactionClient, organisationId: string, ruleId: string) {
  const rule = await tx.approvalRule.findFirst({ where: { id: ruleId, organisationId } });
  if (!rule) throw new AppError("NOT_FOUND", "No such approval rule in your organisation.");

  return rule;
}
