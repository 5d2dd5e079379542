import "server-only";
import { pickLiveVersion, versionState, type TVersionState } from "@/lib/pricing/version-state";
import { db } from "@/server/db";

export type TVersionSummary = {
  id: string;
  number: number;
  state: TVersionState;
  ruleCount: number;
  note: string;
  createdBy: string | null;
  createdAt: Date;
  approvedBy: string | null;
  publishedAt: Date | null;
  effectiveFrom: Date | null;
  basedOnNumber: number | null;
};

export type TRuleSetSummary = {
  id: string;
  name: string;
  currency: string;
  liveVersionId: string | null;
  openVersionId: string | null;
  versions: TVersionSummary[];
};

/** Every rule set with its versions (newest first) and each version's state now. */
export async function findRuleSets(now: Date = new Date()): Promise<TRuleSetSummary[]> {
  const ruleSets = await db.pricingRuleSet.findMany({
    orderBy: { currency: "asc" },
    select: {
      id: true,
      name: true,
      currency: true,
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          status: true,
          note: true,
          createdById: true,
          createdAt: true,
          approvedById: true,
          publishedAt: true,
          effectiveFrom: true,
          basedOnId: true,
          rules: true,
        },
      },
    },
  });
  const userIds = [
    ...new Set(
      ruleSets
        .flatMap((set) => set.versions.flatMap((version) => [version.createdById, version.approvedById]))
        .filter((id): id is string => !!id),
    ),
  ];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user.name,
    ]),
  );

  return ruleSets.map((set) => {
    const live = pickLiveVersion(set.versions, now);
    const numberOf = new Map(set.versions.map((version) => [version.id, version.number]));

    return {
      id: set.id,
      name: set.name,
      currency: set.currency,
      liveVersionId: live?.id ?? null,
      openVersionId: set.versions.find((version) => version.status !== "PUBLISHED")?.id ?? null,
      versions: set.versions.map((version) => ({
        id: version.id,
        number: version.number,
        state: versionState(version, live?.id ?? null, now),
        ruleCount: Array.isArray(version.rules) ? version.rules.length : 0,
        note: version.note,
        createdBy: version.createdById ? (users.get(version.createdById) ?? null) : null,
        createdAt: version.createdAt,
        approvedBy: version.approvedById ? (users.get(version.approvedById) ?? null) : null,
        publishedAt: version.publishedAt,
        effectiveFrom: version.effectiveFrom,
        basedOnNumber: version.basedOnId ? (numberOf.get(version.basedOnId) ?? null) : null,
      })),
    };
  });
}
