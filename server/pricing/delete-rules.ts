import "server-only";
import type { TPricingRule } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { mutateDraft } from "@/server/pricing/mutate-draft";
import { currentOrConflict } from "@/server/pricing/rule-conflicts";

/** Deletes rules from a draft, all or none, audited. CONFLICT if any changed since the editor saw it. */
export async function deleteRules({
  actor,
  versionId,
  rules: befores,
}: {
  actor: TSessionUser;
  versionId: string;
  rules: TPricingRule[];
}): Promise<{ deleted: number }> {
  return mutateDraft({
    actor,
    versionId,
    action: "pricing.rules.deleted",
    change: (version) => {
      for (const before of befores) currentOrConflict(version.rules, before);
      const ids = new Set(befores.map((rule) => rule.id));

      return {
        rules: version.rules.filter((rule) => !ids.has(rule.id)),
        audit: { before: befores, after: null },
        result: { deleted: ids.size },
      };
    },
  });
}
