import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockVersion, requireStatus } from "@/server/pricing/version-records";

/** Sends a version awaiting approval back to draft with the reviewer's reason (not the submitter's to reject). */
export async function rejectVersion({
  actor,
  versionId,
  reason,
}: {
  actor: TSessionUser;
  versionId: string;
  reason: string;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["PENDING_APPROVAL"], "be rejected");
    if (version.submittedById === actor.id)
      throw new AppError("FORBIDDEN", "You submitted this version: withdraw it instead.");
    await tx.pricingRuleSetVersion.update({
      where: { id: versionId },
      data: { status: "DRAFT", submittedById: null, submittedAt: null },
    });
    await recordAudit(tx, {
      actor,
      action: "pricing.version.rejected",
      entityType: "pricing_version",
      entityId: versionId,
      before: { status: "PENDING_APPROVAL" },
      after: { status: "DRAFT", reason },
    });
  });
}
