import "server-only";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockVersion, requireStatus } from "@/server/pricing/version-records";

/** Takes a submitted or approved version back to draft for editing (its approval is dropped). */
export async function withdrawVersion({ actor, versionId }: { actor: TSessionUser; versionId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["PENDING_APPROVAL", "APPROVED"], "be withdrawn");
    await tx.pricingRuleSetVersion.update({
      where: { id: versionId },
      data: { status: "DRAFT", submittedById: null, submittedAt: null, approvedById: null, approvedAt: null },
    });
    await recordAudit(tx, {
      actor,
      action: "pricing.version.withdrawn",
      entityType: "pricing_version",
      entityId: versionId,
      before: { status: version.status },
      after: { status: "DRAFT" },
    });
  });
}
