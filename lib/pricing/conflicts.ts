// Checks a draft before it can be published. Errors block publishing; warnings must be
// acknowledged. Each finding has a stable key (so an acknowledgement survives edits that
// do not touch those rules) and a sentence a data manager can act on.
import type {
  TBasePriceRule,
  TContractPriceRule,
  TOrgDiscountRule,
  TPricingPolicy,
  TPricingRule,
  TTierRule,
} from "@/lib/pricing/rules";
import type { TCatalogFacts } from "@/lib/pricing/catalog";
import { checkCatalogReferences } from "@/lib/pricing/conflicts-catalog";
import { finding, type TFinding } from "@/lib/pricing/finding";

export type { TFinding, TFindingCode } from "@/lib/pricing/finding";

type TWindowed = { validFrom: string | null; validTo: string | null };
const startOf = (rule: TWindowed) => (rule.validFrom ? Date.parse(rule.validFrom) : -Infinity);
const endOf = (rule: TWindowed) => (rule.validTo ? Date.parse(rule.validTo) : Infinity);
const overlaps = (a: TWindowed, b: TWindowed) => startOf(a) < endOf(b) && startOf(b) < endOf(a);
const covers = (outer: TWindowed, inner: TWindowed) => startOf(outer) <= startOf(inner) && endOf(inner) <= endOf(outer);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);

  return groups;
}

function pairs<T>(items: T[]): [T, T][] {
  return items.flatMap((a, index) => items.slice(index + 1).map((b): [T, T] => [a, b]));
}

function basePriceFindings(rules: TBasePriceRule[], facts: TCatalogFacts, currency: string, at: number): TFinding[] {
  const findings: TFinding[] = [];
  const bySku = groupBy(rules, (rule) => rule.sku);
  for (const sku of facts.products.flatMap((product) => product.skus)) {
    if (!(bySku.get(sku) ?? []).some((rule) => endOf(rule) > at))
      findings.push(finding("error", "MISSING_BASE_PRICE", `${sku} has no base price in ${currency}.`, [], sku));
  }
  for (const [sku, group] of bySku) {
    for (const [a, b] of pairs(group)) {
      if (!overlaps(a, b)) continue;
      if (a.priority === b.priority)
        findings.push(
          finding(
            "error",
            "DUPLICATE_BASE_PRICE",
            `${sku} has two base prices at the same time with the same priority (${a.id}, ${b.id}): give one a higher priority or separate their dates.`,
            [a.id, b.id],
          ),
        );
      else {
        const [high, low] = a.priority > b.priority ? [a, b] : [b, a];
        if (covers(high, low))
          findings.push(
            finding(
              "warning",
              "SHADOWED_RULE",
              `Base price ${low.id} for ${sku} never applies: ${high.id} has a higher priority for all of its dates.`,
              [low.id, high.id],
            ),
          );
      }
    }
  }

  return findings;
}

function scopesOverlap(a: TOrgDiscountRule["scope"], b: TOrgDiscountRule["scope"], facts: TCatalogFacts): boolean {
  if (a.type === "all" || b.type === "all") return true;
  if (a.type === b.type)
    return a.type === "product"
      ? a.product === (b as typeof a).product
      : a.category === (b as { category: string }).category;
  const [product, category] =
    a.type === "product"
      ? [a.product, (b as { category: string }).category]
      : [(b as { product: string }).product, a.category];

  return facts.products.some((candidate) => candidate.handle === product && candidate.categories.includes(category));
}

const scopeCovers = (outer: TOrgDiscountRule["scope"], inner: TOrgDiscountRule["scope"]) =>
  outer.type === "all" || JSON.stringify(outer) === JSON.stringify(inner);

function discountFindings(rules: TOrgDiscountRule[], policy: TPricingPolicy, facts: TCatalogFacts): TFinding[] {
  const findings: TFinding[] = [];
  const orderMatters = policy.discounts === "compound" || policy.discounts === "first_match";
  for (const group of groupBy(rules, (rule) => rule.organisationId).values()) {
    for (const [a, b] of pairs(group)) {
      if (!overlaps(a, b) || !scopesOverlap(a.scope, b.scope, facts)) continue;
      if (a.priority === b.priority && (orderMatters || a.exclusive || b.exclusive)) {
        findings.push(
          finding(
            orderMatters ? "error" : "warning",
            "OVERLAPPING_DISCOUNTS",
            `Discounts ${a.id} and ${b.id} overlap for the same organisation with no priority between them; under "${policy.discounts}" the order matters. Give one a higher priority.`,
            [a.id, b.id],
          ),
        );
        continue;
      }
      const [strong, weak] =
        policy.discounts === "first_match"
          ? a.priority > b.priority
            ? [a, b]
            : [b, a]
          : a.bps >= b.bps
            ? [a, b]
            : [b, a];
      const neverBetter =
        policy.discounts === "first_match" || (policy.discounts === "best" && !weak.exclusive && !strong.exclusive);
      if (
        neverBetter &&
        strong.priority !== weak.priority &&
        scopeCovers(strong.scope, weak.scope) &&
        covers(strong, weak)
      ) {
        findings.push(
          finding(
            "warning",
            "SHADOWED_RULE",
            `Discount ${weak.id} never applies: ${strong.id} covers the same products and dates and wins under "${policy.discounts}".`,
            [weak.id, strong.id],
          ),
        );
      } else if (a.priority === b.priority && !orderMatters) {
        findings.push(
          finding(
            "warning",
            "OVERLAPPING_DISCOUNTS",
            `Discounts ${a.id} and ${b.id} overlap for the same organisation with the same priority; under "${policy.discounts}" both are considered.`,
            [a.id, b.id],
          ),
        );
      }
    }
  }

  return findings;
}

function tierFindings(rules: TTierRule[]): TFinding[] {
  const findings: TFinding[] = [];
  for (const group of groupBy(rules, (rule) => `${rule.product ?? "*"}|${rule.organisationId ?? "*"}`).values()) {
    const sorted = [...group].sort((a, b) => a.minQuantity - b.minQuantity);
    for (const [a, b] of pairs(sorted)) {
      if (!overlaps(a, b)) continue;
      const aEnd = a.maxQuantity ?? Infinity;
      const who = `${a.product ?? "every product"}${a.organisationId ? " (one organisation)" : ""}`;
      if (b.minQuantity <= aEnd)
        findings.push(
          finding(
            "error",
            "TIER_OVERLAP",
            `Tiers ${a.id} and ${b.id} for ${who} both cover quantity ${b.minQuantity}${aEnd !== Infinity ? `–${Math.min(aEnd, b.maxQuantity ?? Infinity)}` : " and up"}.`,
            [a.id, b.id],
          ),
        );
    }
    for (let index = 1; index < sorted.length; index += 1) {
      const previous = sorted[index - 1]!;
      const next = sorted[index]!;
      if (previous.maxQuantity !== null && next.minQuantity > previous.maxQuantity + 1 && overlaps(previous, next)) {
        findings.push(
          finding(
            "warning",
            "TIER_GAP",
            `No tier covers quantities ${previous.maxQuantity + 1}–${next.minQuantity - 1} between ${previous.id} and ${next.id}${previous.product ? ` for ${previous.product}` : ""}.`,
            [previous.id, next.id],
          ),
        );
      }
    }
  }

  return findings;
}

function contractFindings(rules: TContractPriceRule[]): TFinding[] {
  return [...groupBy(rules, (rule) => `${rule.organisationId}|${rule.sku}`).values()].flatMap((group) =>
    pairs(group)
      .filter(([a, b]) => overlaps(a, b))
      .map(([a, b]) =>
        a.priority === b.priority
          ? finding(
              "error",
              "DUPLICATE_BASE_PRICE",
              `Contract prices ${a.id} and ${b.id} for ${a.sku} overlap with the same priority.`,
              [a.id, b.id],
            )
          : finding(
              "warning",
              "SHADOWED_RULE",
              `Contract price ${a.priority > b.priority ? b.id : a.id} for ${a.sku} is overruled by a higher-priority one while both are valid.`,
              [a.id, b.id],
            ),
      ),
  );
}

/** Everything wrong or doubtful in a draft, errors first. `at`: when it would go live. */
export function detectConflicts({
  rules,
  policy,
  currency,
  facts,
  at,
}: {
  rules: TPricingRule[];
  policy: TPricingPolicy;
  currency: string;
  facts: TCatalogFacts;
  at: Date;
}): TFinding[] {
  const ofKind = <K extends TPricingRule["kind"]>(kind: K) =>
    rules.filter((rule): rule is Extract<TPricingRule, { kind: K }> => rule.kind === kind);
  const now = at.getTime();
  const findings = [
    ...basePriceFindings(ofKind("base_price"), facts, currency, now),
    ...discountFindings(ofKind("org_discount"), policy, facts),
    ...tierFindings(ofKind("tier")),
    ...contractFindings(ofKind("contract_price")),
    ...checkCatalogReferences(rules, facts),
    ...rules
      .filter((rule) => endOf(rule) <= now)
      .map((rule) =>
        finding(
          "warning",
          "EXPIRED_RULE",
          `Rule ${rule.id} ended on ${rule.validTo?.slice(0, 10)} and never applies again.`,
          [rule.id],
        ),
      ),
  ];
  const unique = [...new Map(findings.map((item) => [item.key, item])).values()];

  return unique.sort((a, b) =>
    a.severity === b.severity ? a.code.localeCompare(b.code) : a.severity === "error" ? -1 : 1,
  );
}
