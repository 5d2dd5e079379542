import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { EDIT_ACTIONS } from "@/server/pricing/edit-actions";
import { lockVersion, requireStatus } from "@/server/pricing/version-records";

/**
 * Approves a submitted version (maker–checker). FORBIDDEN for its submitter and for anyone who
 * edited it: a second data manager must approve it.
 */
export async function approveVersion({ actor, versionId }: { actor: TSessionUser; versionId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["PENDING_APPROVAL"], "be approved");
    if (version.submittedById === actor.id)
      throw new AppError("FORBIDDEN", "You submitted this version: another data manager must approve it.");
    const edited = await tx.auditLog.count({
      where: {
        entityType: "pricing_version",
        entityId: versionId,
        actorId: actor.id,
        action: { in: [...EDIT_ACTIONS] },
      },
    });
    if (edited) throw new AppError("FORBIDDEN", "You edited this version: another data manager must approve it.");
    await tx.pricingRuleSetVersion.update({
      where: { id: versionId },
      data: { status: "APPROVED", approvedById: actor.id, approvedAt: new Date() },
    });
    await recordAudit(tx, {
      actor,
      action: "pricing.version.approved",
      entityType: "pricing_version",
      entityId: versionId,
      before: { status: "PENDING_APPROVAL" },
      after: { status: "APPROVED" },
    });
  });
}
