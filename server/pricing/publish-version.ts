import "server-only";
import { AppError } from "@/lib/errors";
import { requiresPricingApproval } from "@/lib/env-schema";
import { diffVersions } from "@/lib/pricing/diff";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { checkVersion } from "@/server/pricing/check-version";
import { getLiveVersionRef } from "@/server/pricing/get-live-pricing";
import { getVersionOrThrow, lockVersion, requireStatus } from "@/server/pricing/version-records";

// Publishing makes a version immutable and gives it a go-live time: now, or later
// (scheduled). Nothing runs at go-live: the live version is simply the published one
// whose time has come (see getLiveVersionRef), on every app instance at once.

const CLOCK_SKEW_MS = 60_000;

/**
 * Publishes a checked version now or at `effectiveFrom` (audited, with what changed
 * against the live version). Needs an approved version when maker–checker is on; refuses
 * while the checks fail or if the draft changed while being checked.
 */
export async function publishVersion({
  actor,
  versionId,
  effectiveFrom,
}: {
  actor: TSessionUser;
  versionId: string;
  effectiveFrom: Date | null;
}): Promise<{ effectiveFrom: Date; scheduled: boolean }> {
  const now = new Date();
  if (effectiveFrom && effectiveFrom.getTime() < now.getTime() - CLOCK_SKEW_MS) {
    throw new AppError(
      "INVALID_INPUT",
      "A version cannot go live in the past: prices already charged would change their explanation.",
      { effectiveFrom: ["Choose a time from now on."] },
    );
  }
  const goLive = effectiveFrom && effectiveFrom > now ? effectiveFrom : now;
  const version = await getVersionOrThrow(versionId);
  const needsApproval = requiresPricingApproval(getEnv());
  requireStatus(
    version,
    needsApproval ? ["APPROVED"] : ["DRAFT", "APPROVED"],
    needsApproval ? "be published before a second data manager approves it" : "be published",
  );
  const check = await checkVersion({ ...version, effectiveFrom: goLive });
  if (check.blocker) throw new AppError("INVALID_STATE", check.blocker);
  const liveRef = await getLiveVersionRef(version.ruleSet.currency, now);
  const live = liveRef ? await getVersionOrThrow(liveRef.id) : null;

  return db.$transaction(async (tx) => {
    const locked = await lockVersion(tx, versionId);
    requireStatus(locked, [version.status], "be published");
    if (locked.revision !== version.revision)
      throw new AppError("CONFLICT", "The draft changed while it was being checked. Please publish again.");
    await tx.pricingRuleSetVersion.update({
      where: { id: versionId },
      data: { status: "PUBLISHED", publishedById: actor.id, publishedAt: now, effectiveFrom: goLive },
    });
    const scheduled = goLive > now;
    await recordAudit(tx, {
      actor,
      action: scheduled ? "pricing.version.scheduled" : "pricing.version.published",
      entityType: "pricing_version",
      entityId: versionId,
      before: { status: version.status, live: live ? live.number : null },
      after: {
        status: "PUBLISHED",
        effectiveFrom: goLive.toISOString(),
        changes: diffVersions(live ?? { rules: [], policy: version.policy }, version).counts,
      },
    });

    return { effectiveFrom: goLive, scheduled };
  });
}
