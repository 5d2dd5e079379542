import "server-only";
import { AppError } from "@/lib/errors";
import { applyBulkPatch, sameRule, type TBulkPatch } from "@/lib/pricing/rule-input";
import type { TPricingRule } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { mutateDraft } from "@/server/pricing/mutate-draft";
import { currentOrConflict } from "@/server/pricing/rule-conflicts";

/** Applies one change to many rules; all or nothing, with the failing rules' errors by id. */
export async function bulkEditRules({
  actor,
  versionId,
  rules: befores,
  patch,
}: {
  actor: TSessionUser;
  versionId: string;
  rules: TPricingRule[];
  patch: TBulkPatch;
}): Promise<{ changed: number }> {
  return mutateDraft({
    actor,
    versionId,
    action: "pricing.rules.bulk_changed",
    change: (version) => {
      const updated = new Map<string, TPricingRule>();
      const errors: Record<string, string[]> = {};
      for (const before of befores) {
        const checked = applyBulkPatch(currentOrConflict(version.rules, before), patch);
        if (checked.ok) updated.set(before.id, checked.rule);
        else
          errors[before.id] = Object.entries(checked.fieldErrors).map(
            ([field, messages]) => `${field}: ${messages.join(" ")}`,
          );
      }
      if (Object.keys(errors).length)
        throw new AppError(
          "INVALID_INPUT",
          `The change does not fit ${Object.keys(errors).length} of the selected rules; nothing was changed.`,
          errors,
        );
      const changed = befores.filter((before) => !sameRule(before, updated.get(before.id)!));
      if (!changed.length) return { audit: null, result: { changed: 0 } };

      return {
        rules: version.rules.map((rule) => updated.get(rule.id) ?? rule),
        audit: { before: changed, after: { patch, rules: changed.map((rule) => updated.get(rule.id)) } },
        result: { changed: changed.length },
      };
    },
  });
}
