import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { checkVersion } from "@/server/pricing/check-version";
import { getVersionOrThrow, lockVersion, requireStatus } from "@/server/pricing/version-records";

// Maker–checker: a draft is submitted, and a second data manager — not the submitter and
// not anyone who edited it — approves or rejects it (approve-version.ts, reject-version.ts).

/** Submits a checked draft for approval. INVALID_STATE while errors or unacknowledged warnings remain. */
export async function submitVersion({ actor, versionId }: { actor: TSessionUser; versionId: string }): Promise<void> {
  const version = await getVersionOrThrow(versionId);
  requireStatus(version, ["DRAFT"], "be submitted");
  const check = await checkVersion(version);
  if (check.blocker) throw new AppError("INVALID_STATE", check.blocker);
  await db.$transaction(async (tx) => {
    const locked = await lockVersion(tx, versionId);
    requireStatus(locked, ["DRAFT"], "be submitted");
    if (locked.revision !== version.revision)
      throw new AppError("CONFLICT", "The draft changed while it was being checked. Please submit again.");
    await tx.pricingRuleSetVersion.update({
      where: { id: versionId },
      data: { status: "PENDING_APPROVAL", submittedById: actor.id, submittedAt: new Date() },
    });
    await recordAudit(tx, {
      actor,
      action: "pricing.version.submitted",
      entityType: "pricing_version",
      entityId: versionId,
      before: { status: "DRAFT" },
      after: { status: "PENDING_APPROVAL", rules: locked.rules.length },
    });
  });
}
