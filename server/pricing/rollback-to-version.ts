import "server-only";
import { AppError } from "@/lib/errors";
import { diffVersions } from "@/lib/pricing/diff";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { getLiveVersionRef } from "@/server/pricing/get-live-pricing";
import { getVersionOrThrow, lockRuleSetForNewVersion, toJson } from "@/server/pricing/version-records";

/**
 * One-click rollback: publishes, live at once, a new version that copies an earlier
 * published one. History is never rewritten — the version being replaced stays as it
 * was, so lines priced with it can still be explained. Needs no second approval: the
 * restored rules were approved when first published. Audited with what changes.
 */
export async function rollbackToVersion({
  actor,
  versionId,
}: {
  actor: TSessionUser;
  versionId: string;
}): Promise<{ versionId: string; number: number }> {
  const target = await getVersionOrThrow(versionId);
  if (target.status !== "PUBLISHED" || !target.effectiveFrom || target.effectiveFrom > new Date()) {
    throw new AppError(
      "INVALID_STATE",
      `Version ${target.number} has never been live; only a version that was live can be restored.`,
    );
  }

  return db.$transaction(async (tx) => {
    const number = await lockRuleSetForNewVersion(tx, target.ruleSetId);
    const now = new Date();
    const liveRef = await getLiveVersionRef(target.ruleSet.currency, now);
    if (liveRef?.id === target.id) throw new AppError("INVALID_STATE", `Version ${target.number} is already live.`);
    const live = liveRef ? await getVersionOrThrow(liveRef.id, tx) : null;
    const restored = await tx.pricingRuleSetVersion.create({
      data: {
        ruleSetId: target.ruleSetId,
        number,
        status: "PUBLISHED",
        rules: toJson(target.rules),
        policy: toJson(target.policy),
        basedOnId: target.id,
        acknowledgedWarnings: toJson(target.acknowledgedWarnings),
        note: `Rollback to version ${target.number}`,
        createdById: actor.id,
        publishedById: actor.id,
        publishedAt: now,
        effectiveFrom: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "pricing.version.rolled_back",
      entityType: "pricing_version",
      entityId: restored.id,
      before: { live: live?.number ?? null },
      after: {
        live: number,
        restored: target.number,
        changes: diffVersions(live ?? { rules: [], policy: target.policy }, target).counts,
      },
    });

    return { versionId: restored.id, number };
  });
}
