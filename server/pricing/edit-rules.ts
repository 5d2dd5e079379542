import "server-only";
import { AppError } from "@/lib/errors";
import { applyBulkPatch, checkRule, sameRule, type TBulkPatch } from "@/lib/pricing/rule-input";
import { nextRuleIds } from "@/lib/pricing/rule-ids";
import type { TPricingPolicy, TPricingRule } from "@/lib/pricing/rules";
import type { TSessionUser } from "@/server/auth/session";
import { mutateDraft } from "@/server/pricing/mutate-draft";

// Editing a draft's rules. Every edit names the rule as the editor last saw it (`before`):
// if someone changed or deleted it since, the edit is refused with CONFLICT instead of
// silently overwriting their work. Edits to other rules of the same draft do not conflict.

type TEdit = { actor: TSessionUser; versionId: string };

function currentOrConflict(rules: TPricingRule[], before: TPricingRule): TPricingRule {
  const current = rules.find((rule) => rule.id === before.id);
  if (!current) throw new AppError("CONFLICT", `Rule ${before.id} was deleted meanwhile. Reload to see the current draft.`);
  if (!sameRule(current, before)) throw new AppError("CONFLICT", `Rule ${before.id} was changed meanwhile. Reload to see the current version, then edit again.`);

  return current;
}

/** Adds a rule (before = null; the server names it) or replaces one. INVALID_INPUT with field errors. */
export async function saveRule({ actor, versionId, rule, before }: TEdit & { rule: Record<string, unknown>; before: TPricingRule | null }): Promise<{ ruleId: string }> {
  return mutateDraft({
    actor,
    versionId,
    action: before ? "pricing.rule.changed" : "pricing.rule.added",
    change: (version) => {
      if (before) currentOrConflict(version.rules, before);
      if (before && rule.kind !== before.kind) throw new AppError("INVALID_INPUT", "A rule cannot change its kind.", { kind: ["A rule cannot change its kind."] });
      const id = before?.id ?? nextRuleIds(rule.kind as TPricingRule["kind"], version.rules)[0]!;
      const checked = checkRule(rule, id);
      if (!checked.ok) throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", checked.fieldErrors);
      if (before && sameRule(checked.rule, before)) return { audit: null, result: { ruleId: id } };
      const rules = before ? version.rules.map((item) => (item.id === id ? checked.rule : item)) : [...version.rules, checked.rule];

      return { rules, audit: { before: before ?? null, after: checked.rule }, result: { ruleId: id } };
    },
  });
}

export async function deleteRules({ actor, versionId, rules: befores }: TEdit & { rules: TPricingRule[] }): Promise<{ deleted: number }> {
  return mutateDraft({
    actor,
    versionId,
    action: "pricing.rules.deleted",
    change: (version) => {
      for (const before of befores) currentOrConflict(version.rules, before);
      const ids = new Set(befores.map((rule) => rule.id));

      return { rules: version.rules.filter((rule) => !ids.has(rule.id)), audit: { before: befores, after: null }, result: { deleted: ids.size } };
    },
  });
}

/** Applies one change to many rules; all or nothing, with the failing rules' errors by id. */
export async function bulkEditRules({ actor, versionId, rules: befores, patch }: TEdit & { rules: TPricingRule[]; patch: TBulkPatch }): Promise<{ changed: number }> {
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
        else errors[before.id] = Object.entries(checked.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
      }
      if (Object.keys(errors).length) throw new AppError("INVALID_INPUT", `The change does not fit ${Object.keys(errors).length} of the selected rules; nothing was changed.`, errors);
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

export async function updatePolicy({ actor, versionId, policy }: TEdit & { policy: TPricingPolicy }): Promise<{ changed: boolean }> {
  return mutateDraft<{ changed: boolean }>({
    actor,
    versionId,
    action: "pricing.policy.changed",
    change: (version) => {
      if (JSON.stringify(version.policy) === JSON.stringify(policy)) return { audit: null, result: { changed: false } };

      return { policy, audit: { before: version.policy, after: policy }, result: { changed: true } };
    },
  });
}

export async function updateVersionNote({ actor, versionId, note }: TEdit & { note: string }): Promise<{ changed: boolean }> {
  return mutateDraft<{ changed: boolean }>({
    actor,
    versionId,
    action: "pricing.version.note_changed",
    change: (version) => (version.note === note ? { audit: null, result: { changed: false } } : { note, audit: { before: { note: version.note }, after: { note } }, result: { changed: true } }),
  });
}
