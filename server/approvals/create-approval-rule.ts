import "server-only";
import type { TCreateApprovalRuleInput } from "@/lib/approvals/schemas";
import { lockOrganisationRules, ruleSnapshot, toRuleData } from "@/server/approvals/rule-records";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/** Adds an approval rule at the end of the organisation's list (active at once). Audited. */
export async function createApprovalRule({
  actor,
  organisationId,
  input,
  currency,
}: {
  actor: TSessionUser;
  organisationId: string;
  input: TCreateApprovalRuleInput;
  currency: string;
}): Promise<{ ruleId: string }> {
  const data = toRuleData(input, currency);

  return db.$transaction(async (tx) => {
    await lockOrganisationRules(tx, organisationId);
    const last = await tx.approvalRule.aggregate({ where: { organisationId }, _max: { position: true } });
    const position = (last._max.position ?? 0) + 1;
    const rule = await tx.approvalRule.create({ data: { ...data, organisationId, position } });
    await recordAudit(tx, {
      actor,
      action: "approval-rule.created",
      entityType: "approval-rule",
      entityId: rule.id,
      organisationId,
      after: ruleSnapshot({ ...data, position, active: true }, currency),
    });

    return { ruleId: rule.id };
  });
}
