import "server-only";
import { AppError } from "@/lib/errors";
import { sameRule } from "@/lib/pricing/rule-input";
import type { TPricingRule } from "@/lib/pricing/rules";

// Editing a draft's rules. Every edit names the rule as the editor last saw it (`before`):
// if someone changed or deleted it since, the edit is refused with CONFLICT instead of
// silently overwriting their work. Edits to other rules of the same draft do not conflict.

/** The rule as it is now in the draft, or CONFLICT if it is no longer what the editor saw. */
export function currentOrConflict(rules: TPricingRule[], before: TPricingRule): TPricingRule {
  const current = rules.find((rule) => rule.id === before.id);
  if (!current)
    throw new AppError("CONFLICT", `Rule ${before.id} was deleted meanwhile. Reload to see the current draft.`);
  if (!sameRule(current, before))
    throw new AppError(
      "CONFLICT",
      `Rule ${before.id} was changed meanwhile. Reload to see the current version, then edit again.`,
    );

  return current;
}
