import "server-only";
import { compileRuleSet, type TCompiledRuleSet } from "@/lib/pricing/compile";
import { db } from "@/server/db";
import { getVersionOrThrow, type TVersionRecord } from "@/server/pricing/version-records";

// Which version prices a currency at a moment, and its compiled form. A published
// version never changes (the database enforces it), so its compiled form is cached by id
// for the life of the process; only the question "which one is live" goes to the
// database, so a publish, a rollback or a scheduled go-live takes effect at once on every
// instance.

const MAX_CACHED = 16;
const compiledById = new Map<string, TCompiledRuleSet>();

export function compileVersion(version: Pick<TVersionRecord, "id" | "rules" | "policy" | "ruleSet">): TCompiledRuleSet {
  return compileRuleSet({
    versionId: version.id,
    currency: version.ruleSet.currency,
    policy: version.policy,
    rules: version.rules,
  });
}

/** The compiled form of a published version (cached), for re-deriving any past price. */
export async function getCompiledVersion(versionId: string): Promise<TCompiledRuleSet> {
  const hit = compiledById.get(versionId);
  if (hit) return hit;
  const version = await getVersionOrThrow(versionId);
  const compiled = compileVersion(version);
  if (version.status === "PUBLISHED") {
    if (compiledById.size >= MAX_CACHED) compiledById.delete(compiledById.keys().next().value!);
    compiledById.set(versionId, compiled);
  }

  return compiled;
}

/** The version live for `currency` at `at`: the published one whose go-live passed last. */
export async function getLiveVersionRef(
  currency: string,
  at: Date = new Date(),
): Promise<{ id: string; number: number; ruleSetId: string } | null> {
  return db.pricingRuleSetVersion.findFirst({
    where: { status: "PUBLISHED", effectiveFrom: { lte: at }, ruleSet: { currency } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
    select: { id: true, number: true, ruleSetId: true },
  });
}

export async function getLivePricing(currency: string, at: Date = new Date()): Promise<TCompiledRuleSet | null> {
  const live = await getLiveVersionRef(currency, at);

  return live ? getCompiledVersion(live.id) : null;
}
