import "server-only";
import type { TUpdateApprovalRuleInput } from "@/lib/approvals/schemas";
import {
  getRuleInOrganisation,
  lockOrganisationRules,
  ruleSnapshot,
  toRuleData,
} from "@/server/approvals/rule-records";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/**
 * Changes a rule's condition or approver role. Requests already submitted keep the steps they
 * were given; the change applies to orders submitted from now on. Audited with before and after.
 */
export async function updateApprovalRule({
  actor,
  organisationId,
  input,
  currency,
}: {
  actor: TSessionUser;
  organisationId: string;
  input: TUpdateApprovalRuleInput;
  currency: string;
}): Promise<{ changed: boolean }> {
  const data = toRuleData(input, currency);

  return db.$transaction(async (tx) => {
    await lockOrganisationRules(tx, organisationId);
    const rule = await getRuleInOrganisation(tx, organisationId, input.ruleId);
    const before = {
      condition: rule.condition,
      amountMinor: rule.amountMinor,
      categoryHandle: rule.categoryHandle,
      approverRole: rule.approverRole as typeof data.approverRole,
    };
    if (JSON.stringify(before) === JSON.stringify(data)) return { changed: false };

    await tx.approvalRule.update({ where: { id: rule.id, organisationId }, data });
    await recordAudit(tx, {
      actor,
      action: "approval-rule.updated",
      entityType: "approval-rule",
      entityId: rule.id,
      organisationId,
      before: ruleSnapshot(before, currency),
      after: ruleSnapshot(data, currency),
    });

    return { changed: true };
  });
}
