import type { TPricingPolicy, TPricingRule, TRuleKind } from "@/lib/pricing/rules";

// What changed between two versions of a rule set: rules added, removed and changed
// (matched by id, with the fields that differ), and the stacking policy.

export type TRuleChange =
  | { type: "added"; id: string; kind: TRuleKind; after: TPricingRule }
  | { type: "removed"; id: string; kind: TRuleKind; before: TPricingRule }
  | { type: "changed"; id: string; kind: TRuleKind; before: TPricingRule; after: TPricingRule; fields: string[] };

export type TVersionDiff = {
  changes: TRuleChange[];
  policy: { before: TPricingPolicy; after: TPricingPolicy } | null;
  counts: { added: number; removed: number; changed: number };
};

type TSide = { rules: TPricingRule[]; policy: TPricingPolicy };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(before: TPricingRule, after: TPricingRule): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);

  return [...keys].filter((key) => !same(before[key as keyof TPricingRule], after[key as keyof TPricingRule])).sort();
}

export function diffVersions(before: TSide, after: TSide): TVersionDiff {
  const old = new Map(before.rules.map((rule) => [rule.id, rule]));
  const next = new Map(after.rules.map((rule) => [rule.id, rule]));
  const changes: TRuleChange[] = [];
  for (const rule of after.rules) {
    const previous = old.get(rule.id);
    if (!previous) changes.push({ type: "added", id: rule.id, kind: rule.kind, after: rule });
    else {
      const fields = changedFields(previous, rule);
      if (fields.length)
        changes.push({ type: "changed", id: rule.id, kind: rule.kind, before: previous, after: rule, fields });
    }
  }
  for (const rule of before.rules)
    if (!next.has(rule.id)) changes.push({ type: "removed", id: rule.id, kind: rule.kind, before: rule });
  changes.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const count = (type: TRuleChange["type"]) => changes.filter((change) => change.type === type).length;

  return {
    changes,
    policy: same(before.policy, after.policy) ? null : { before: before.policy, after: after.policy },
    counts: { added: count("added"), removed: count("removed"), changed: count("changed") },
  };
}
