import "server-only";
import { AppError } from "@/lib/errors";
import { lockOrganisationRules } from "@/server/approvals/rule-records";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/**
 * Moves a rule one place up or down in the organisation's order (which is the order approvals
 * are collected in). Positions are renumbered 1..n on the way, so gaps and ties left by earlier
 * writes disappear. Moving the first rule up or the last down changes nothing. Audited.
 */
export async function moveApprovalRule({
  actor,
  organisationId,
  ruleId,
  direction,
}: {
  actor: TSessionUser;
  organisationId: string;
  ruleId: string;
  direction: "up" | "down";
}): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockOrganisationRules(tx, organisationId);
    const rules = await tx.approvalRule.findMany({
      where: { organisationId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, position: true },
    });
    const index = rules.findIndex((rule) => rule.id === ruleId);
    if (index < 0) throw new AppError("NOT_FOUND", "No such approval rule in your organisation.");
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= rules.length) return { changed: false };

    const order = rules.map((rule) => rule.id);
    [order[index], order[other]] = [order[other]!, order[index]!];
    for (const [i, id] of order.entries()) {
      if (rules.find((rule) => rule.id === id)!.position !== i + 1) {
        await tx.approvalRule.update({ where: { id, organisationId }, data: { position: i + 1 } });
      }
    }
    await recordAudit(tx, {
      actor,
      action: "approval-rule.moved",
      entityType: "approval-rule",
      entityId: ruleId,
      organisationId,
      before: { position: index + 1 },
      after: { position: other + 1 },
    });

    return { changed: true };
  });
}
