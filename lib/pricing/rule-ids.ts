import type { TRuleKind } from "@/lib/pricing/rules";

// Rule ids are short and readable ("OD-007") because people meet them in conflict
// messages, price explanations and diffs. A draft copies its rules' ids from the version
// it is based on, so a diff can tell a changed rule from a removed and an added one.

const PREFIX: Record<TRuleKind, string> = {
  base_price: "BP",
  surcharge: "SC",
  org_discount: "OD",
  contract_price: "CP",
  tier: "TR",
};

/** `count` new ids for `kind`, after the highest one already in use. */
export function nextRuleIds(kind: TRuleKind, existing: { id: string }[], count = 1): string[] {
  const prefix = PREFIX[kind];
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const highest = existing.reduce((max, rule) => Math.max(max, Number(pattern.exec(rule.id)?.[1] ?? 0)), 0);

  return Array.from({ length: count }, (_, index) => `${prefix}-${String(highest + index + 1).padStart(3, "0")}`);
}
