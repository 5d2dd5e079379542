import "server-only";
import { getRuleInOrganisation, lockOrganisationRules } from "@/server/approvals/rule-records";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/** Deactivates (or reactivates) a rule; kept for the record, never deleted. Idempotent; audited. */
export async function setApprovalRuleActive({
  actor,
  organisationId,
  ruleId,
  active,
}: {
  actor: TSessionUser;
  organisationId: string;
  ruleId: string;
  active: boolean;
}): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockOrganisationRules(tx, organisationId);
    const rule = await getRuleInOrganisation(tx, organisationId, ruleId);
    if (rule.active === active) return { changed: false };

    await tx.approvalRule.update({ where: { id: rule.id, organisationId }, data: { active } });
    await recordAudit(tx, {
      actor,
      action: active ? "approval-rule.reactivated" : "approval-rule.deactivated",
      entityType: "approval-rule",
      entityId: rule.id,
      organisationId,
      before: { active: rule.active },
      after: { active },
    });

    return { changed: true };
  });
}
