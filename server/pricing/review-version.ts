import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { checkVersion } from "@/server/pricing/check-version";
import { EDIT_ACTIONS } from "@/server/pricing/edit-actions";
import { getVersionOrThrow, lockVersion, requireStatus } from "@/server/pricing/version-records";

// Maker–checker: a draft is submitted, and a second data manager — not the submitter and
// not anyone who edited it — approves or rejects it. Rejecting or withdrawing sends it
// back to draft for editing.

type TReview = { actor: TSessionUser; versionId: string };

/** Submits a checked draft for approval. INVALID_STATE while errors or unacknowledged warnings remain. */
export async function submitVersion({ actor, versionId }: TReview): Promise<void> {
  const version = await getVersionOrThrow(versionId);
  requireStatus(version, ["DRAFT"], "be submitted");
  const check = await checkVersion(version);
  if (check.blocker) throw new AppError("INVALID_STATE", check.blocker);
  await db.$transaction(async (tx) => {
    const locked = await lockVersion(tx, versionId);
    requireStatus(locked, ["DRAFT"], "be submitted");
    if (locked.revision !== version.revision) throw new AppError("CONFLICT", "The draft changed while it was being checked. Please submit again.");
    await tx.pricingRuleSetVersion.update({ where: { id: versionId }, data: { status: "PENDING_APPROVAL", submittedById: actor.id, submittedAt: new Date() } });
    await recordAudit(tx, { actor, action: "pricing.version.submitted", entityType: "pricing_version", entityId: versionId, before: { status: "DRAFT" }, after: { status: "PENDING_APPROVAL", rules: locked.rules.length } });
  });
}

export async function approveVersion({ actor, versionId }: TReview): Promise<void> {
  await db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["PENDING_APPROVAL"], "be approved");
    if (version.submittedById === actor.id) throw new AppError("FORBIDDEN", "You submitted this version: another data manager must approve it.");
    const edited = await tx.auditLog.count({ where: { entityType: "pricing_version", entityId: versionId, actorId: actor.id, action: { in: [...EDIT_ACTIONS] } } });
    if (edited) throw new AppError("FORBIDDEN", "You edited this version: another data manager must approve it.");
    await tx.pricingRuleSetVersion.update({ where: { id: versionId }, data: { status: "APPROVED", approvedById: actor.id, approvedAt: new Date() } });
    await recordAudit(tx, { actor, action: "pricing.version.approved", entityType: "pricing_version", entityId: versionId, before: { status: "PENDING_APPROVAL" }, after: { status: "APPROVED" } });
  });
}

/** Sends a version awaiting approval back to draft with the reviewer's reason. */
export async function rejectVersion({ actor, versionId, reason }: TReview & { reason: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["PENDING_APPROVAL"], "be rejected");
    if (version.submittedById === actor.id) throw new AppError("FORBIDDEN", "You submitted this version: withdraw it instead.");
    await tx.pricingRuleSetVersion.update({ where: { id: versionId }, data: { status: "DRAFT", submittedById: null, submittedAt: null } });
    await recordAudit(tx, { actor, action: "pricing.version.rejected", entityType: "pricing_version", entityId: versionId, before: { status: "PENDING_APPROVAL" }, after: { status: "DRAFT", reason } });
  });
}

/** Takes a submitted or approved version back to draft (its approval is dropped). */
export async function withdrawVersion({ actor, versionId }: TReview): Promise<void> {
  await db.$transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    requireStatus(version, ["PENDING_APPROVAL", "APPROVED"], "be withdrawn");
    await tx.pricingRuleSetVersion.update({ where: { id: versionId }, data: { status: "DRAFT", submittedById: null, submittedAt: null, approvedById: null, approvedAt: null } });
    await recordAudit(tx, { actor, action: "pricing.version.withdrawn", entityType: "pricing_version", entityId: versionId, before: { status: version.status }, after: { status: "DRAFT" } });
  });
}
