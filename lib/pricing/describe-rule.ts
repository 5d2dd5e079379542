import { formatBps } from "@/lib/pricing/evaluate";
import type { TOrgDiscountRule, TPricingRule, TRuleKind } from "@/lib/pricing/rules";
import { formatMoney } from "@/lib/pricing/units";

// Rules in the words and numbers the editor's tables show.

export const RULE_KIND_LABELS: Record<TRuleKind, { one: string; many: string }> = {
  base_price: { one: "base price", many: "Base prices" },
  surcharge: { one: "surcharge", many: "Option surcharges" },
  org_discount: { one: "organisation discount", many: "Organisation discounts" },
  contract_price: { one: "contract price", many: "Contract prices" },
  tier: { one: "volume tier", many: "Volume tiers" },
};

export type TNames = { organisation: (id: string) => string };

export function describeScope(scope: TOrgDiscountRule["scope"]): string {
  if (scope.type === "all") return "All products";

  return scope.type === "product" ? `Product ${scope.product}` : `Category ${scope.category}`;
}

/** The amount or percentage a rule applies, e.g. "€15.00 per 100 above 1200". */
export function describeEffect(rule: TPricingRule, currency: string): string {
  const money = (minor: number) => formatMoney(minor, currency);
  switch (rule.kind) {
    case "base_price":
    case "contract_price":
      return money(rule.amount);
    case "surcharge":
      if (rule.mode === "fixed") return `${money(rule.amount)} each`;
      if (rule.mode === "percent") return `${formatBps(rule.bps)} of base`;

      return `${money(rule.amount)} per ${rule.step} above ${rule.from}`;
    case "org_discount":
      return `−${formatBps(rule.bps)}`;
    case "tier":
      return rule.mode === "percent" ? `−${formatBps(rule.bps)}` : `${money(rule.amount)} each`;
  }
}

export const describeQuantity = (rule: { minQuantity: number; maxQuantity: number | null }) =>
  rule.maxQuantity === null ? `${rule.minQuantity}+` : `${rule.minQuantity}–${rule.maxQuantity}`;

/** "always", "from 1 Dec 2026", "until 31 Dec 2026", "1 Dec 2026 – 31 Dec 2026" (UTC dates). */
export function describeValidity(rule: { validFrom: string | null; validTo: string | null }): string {
  const day = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
  if (rule.validFrom && rule.validTo) return `${day(rule.validFrom)} – ${day(rule.validTo)}`;
  if (rule.validFrom) return `from ${day(rule.validFrom)}`;

  return rule.validTo ? `until ${day(rule.validTo)}` : "always";
}

/** Whether a rule can affect a product's price (the editor's product filter). */
export function ruleConcernsProduct(
  rule: TPricingRule,
  product: { handle: string; skus: string[]; categories: string[] },
): boolean {
  switch (rule.kind) {
    case "base_price":
    case "contract_price":
      return product.skus.includes(rule.sku);
    case "surcharge":
      return rule.product === product.handle;
    case "org_discount":
      return (
        rule.scope.type === "all" ||
        (rule.scope.type === "product"
          ? rule.scope.product === product.handle
          : product.categories.includes(rule.scope.category))
      );
    case "tier":
      return rule.product === null || rule.product === product.handle;
  }
}

/** Text the rule table's search box matches. */
export function searchableText(rule: TPricingRule, names: TNames): string {
  const parts: string[] = [rule.id, rule.note];
  if ("sku" in rule) parts.push(rule.sku);
  if ("product" in rule && rule.product) parts.push(rule.product);
  if (rule.kind === "surcharge") parts.push(rule.option, rule.value ?? "");
  if ("organisationId" in rule && rule.organisationId) parts.push(names.organisation(rule.organisationId));
  if (rule.kind === "org_discount") parts.push(describeScope(rule.scope));

  return parts.join(" ").toLowerCase();
}
