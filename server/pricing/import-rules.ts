import "server-only";
import { applyImportedRules, parseRulesCsv, type TCsvRowError } from "@/lib/pricing/csv";
import { diffVersions } from "@/lib/pricing/diff";
import type { TRuleKind } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { mutateDraft } from "@/server/pricing/mutate-draft";
import { loadOrganisationNames } from "@/server/pricing/organisation-names";

export type TImportOutcome =
  | { applied: true; rows: number; added: number; changed: number; removed: number }
  | { applied: false; errors: TCsvRowError[] };

/**
 * Imports a CSV of one rule kind into a draft: every row is checked first, and either all
 * of them are applied (audited, with before/after of that kind) or none, with each bad
 * row's errors. `replace` makes the file the draft's whole list of that kind.
 */
export async function importRules({
  actor,
  versionId,
  kind,
  text,
  mode,
}: {
  actor: TSessionUser;
  versionId: string;
  kind: TRuleKind;
  text: string;
  mode: "replace" | "merge";
}): Promise<TImportOutcome> {
  const organisations = await loadOrganisationNames();

  return mutateDraft<TImportOutcome>({
    actor,
    versionId,
    action: "pricing.rules.imported",
    change: (version) => {
      const parsed = parseRulesCsv({
        kind,
        text,
        currency: version.ruleSet.currency,
        organisations,
        current: version.rules,
      });
      if (!parsed.ok) return { audit: null, result: { applied: false, errors: parsed.errors } };
      const rules = applyImportedRules(version.rules, kind, parsed.rules, mode);
      const { counts } = diffVersions(version, { rules, policy: version.policy });
      const ofKind = (list: typeof rules) => list.filter((rule) => rule.kind === kind);
      const result = { applied: true as const, rows: parsed.rules.length, ...counts };
      if (!counts.added && !counts.changed && !counts.removed) return { audit: null, result };

      return {
        rules,
        audit: { before: { kind, rules: ofKind(version.rules) }, after: { kind, mode, rules: ofKind(rules) } },
        result,
      };
    },
  });
}
