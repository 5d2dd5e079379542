import "server-only";
import { diffVersions, type TVersionDiff } from "@/lib/pricing/diff";
import { pickLiveVersion, versionState, type TVersionState } from "@/lib/pricing/version-state";
import { requiresPricingApproval } from "@/lib/env-schema";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { checkVersion, type TVersionCheck } from "@/server/pricing/check-version";
import { loadPricingCatalog, type TPricingCatalog } from "@/server/pricing/load-catalog-facts";
import { getVersionOrThrow, type TVersionRecord } from "@/server/pricing/version-records";

export type TVersionView = {
  version: TVersionRecord;
  state: TVersionState;
  people: Record<string, string>;
  check: TVersionCheck;
  catalog: TPricingCatalog;
  /** What this version changes against the live one (or against its base when it is the live one). */
  diff: TVersionDiff;
  comparedWith: number | null;
  liveVersionNumber: number | null;
  requiresApproval: boolean;
};

/** Everything the version page shows: the rules, their checks, the diff and who did what. */
export async function getVersionView(versionId: string, now: Date = new Date()): Promise<TVersionView> {
  const version = await getVersionOrThrow(versionId);
  const siblings = await db.pricingRuleSetVersion.findMany({
    where: { ruleSetId: version.ruleSetId },
    select: { id: true, number: true, status: true, effectiveFrom: true },
  });
  const live = pickLiveVersion(siblings, now);
  const compareId = live && live.id !== version.id ? live.id : version.basedOnId;
  const compared = compareId ? await getVersionOrThrow(compareId) : null;
  const catalog = await loadPricingCatalog();
  const peopleIds = [version.createdById, version.submittedById, version.approvedById, version.publishedById].filter(
    (id): id is string => !!id,
  );
  const people = Object.fromEntries(
    (await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user.name,
    ]),
  );

  return {
    version,
    state: versionState(version, live?.id ?? null, now),
    people,
    check: await checkVersion(version, catalog),
    catalog,
    diff: diffVersions(compared ?? { rules: [], policy: version.policy }, version),
    comparedWith: compared?.number ?? null,
    liveVersionNumber: live?.number ?? null,
    requiresApproval: requiresPricingApproval(getEnv()),
  };
}
