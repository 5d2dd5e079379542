import "server-only";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockVersion, requireStatus, toJson } from "@/server/pricing/version-records";

/** Deletes an unpublished version; its rules are kept in the audit entry, so nothing is lost. */
export async function discardVersion({
  actor,
  versionId,
}: {
  actor: TSessionUser;
  versionId: string;
}): Promise<{ ruleSetId: string }> {
  return db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["DRAFT", "PENDING_APPROVAL", "APPROVED"], "be discarded");
    await tx.pricingRuleSetVersion.delete({ where: { id: versionId } });
    await recordAudit(tx, {
      actor,
      action: "pricing.version.discarded",
      entityType: "pricing_version",
      entityId: versionId,
      before: toJson({ number: version.number, status: version.status, rules: version.rules, policy: version.policy }),
      after: null,
    });

    return { ruleSetId: version.ruleSetId };
  });
}
