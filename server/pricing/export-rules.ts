import "server-only";
import { rulesToCsv } from "@/lib/pricing/csv";
import type { TRuleKind } from "@/lib/pricing/rules";
import { loadOrganisationNames } from "@/server/pricing/organisation-names";
import { getVersionOrThrow } from "@/server/pricing/version-records";

/** The CSV of one rule kind of a version (any state). Reads only. */
export async function exportRules({
  versionId,
  kind,
}: {
  versionId: string;
  kind: TRuleKind;
}): Promise<{ filename: string; csv: string }> {
  const version = await getVersionOrThrow(versionId);
  const csv = rulesToCsv(kind, version.rules, version.ruleSet.currency, await loadOrganisationNames());

  return {
    filename: `${version.ruleSet.currency.toLowerCase()}-v${version.number}-${kind.replace("_", "-")}.csv`,
    csv,
  };
}
