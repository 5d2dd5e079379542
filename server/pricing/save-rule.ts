import "server-only";
import { AppError } from "@/lib/errors";
import { checkRule, sameRule } from "@/lib/pricing/rule-input";
import { nextRuleIds } from "@/lib/pricing/rule-ids";
import type { TPricingRule } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { mutateDraft } from "@/server/pricing/mutate-draft";
import { currentOrConflict } from "@/server/pricing/rule-conflicts";

/**
 * Adds a rule (before = null; the server names it) or replaces one, audited. CONFLICT if the rule
 * changed since the editor saw it; INVALID_INPUT with field errors.
 */
export async function saveRule({
  actor,
  versionId,
  rule,
  before,
}: {
  actor: TSessionUser;
  versionId: string;
  rule: Record<string, unknown>;
  before: TPricingRule | null;
}): Promise<{ ruleId: string }> {
  return mutateDraft({
    actor,
    versionId,
    action: before ? "pricing.rule.changed" : "pricing.rule.added",
    change: (version) => {
      if (before) currentOrConflict(version.rules, before);
      if (before && rule.kind !== before.kind)
        throw new AppError("INVALID_INPUT", "A rule cannot change its kind.", {
          kind: ["A rule cannot change its kind."],
        });
      const id = before?.id ?? nextRuleIds(rule.kind as TPricingRule["kind"], version.rules)[0]!;
      const checked = checkRule(rule, id);
      if (!checked.ok)
        throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", checked.fieldErrors);
      if (before && sameRule(checked.rule, before)) return { audit: null, result: { ruleId: id } };
      const rules = before
        ? version.rules.map((item) => (item.id === id ? checked.rule : item))
        : [...version.rules, checked.rule];

      return { rules, audit: { before: before ?? null, after: checked.rule }, result: { ruleId: id } };
    },
  });
}
