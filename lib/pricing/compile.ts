// Compiling a rule-set version into its evaluation form: rules indexed by what a price
// request looks them up by (SKU, product, organisation), validity windows as numbers and
// each list sorted by precedence, so that pricing one line touches only its own rules.
import { fromMinor, type TExact } from "@/lib/pricing/money";
import type { TBasePriceRule, TContractPriceRule, TOrgDiscountRule, TPricingPolicy, TPricingRule, TSurchargeRule, TTierRule } from "@/lib/pricing/rules";

type TWindow = { fromMs: number; toMs: number };
export type TCompiled<R> = R & TWindow & { exact: TExact };

export type TCompiledRuleSet = {
  versionId: string;
  currency: string;
  policy: TPricingPolicy;
  baseBySku: Map<string, TCompiled<TBasePriceRule>[]>;
  surchargesByProduct: Map<string, TCompiled<TSurchargeRule>[]>;
  discountsByOrg: Map<string, TCompiled<TOrgDiscountRule>[]>;
  contractsByOrgSku: Map<string, TCompiled<TContractPriceRule>[]>;
  /** Keyed by product handle; "*" holds the tiers for every product. */
  tiersByProduct: Map<string, TCompiled<TTierRule>[]>;
  ruleCount: number;
};

const toMs = (value: string | null, fallback: number) => (value ? Date.parse(value) : fallback);

function compileRule<R extends TPricingRule>(rule: R): TCompiled<R> {
  const amount = "amount" in rule ? rule.amount : 0;

  return { ...rule, fromMs: toMs(rule.validFrom, -Infinity), toMs: toMs(rule.validTo, Infinity), exact: fromMinor(amount) } as unknown as TCompiled<R>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Higher priority first; among equals, the one that started later (the newer rule) first.
const byPrecedence = (a: TWindow & { priority: number }, b: TWindow & { priority: number }) => b.priority - a.priority || b.fromMs - a.fromMs;

export function compileRuleSet({ versionId, currency, policy, rules }: { versionId: string; currency: string; policy: TPricingPolicy; rules: TPricingRule[] }): TCompiledRuleSet {
  const compiled: TCompiledRuleSet = {
    versionId,
    currency,
    policy,
    baseBySku: new Map(),
    surchargesByProduct: new Map(),
    discountsByOrg: new Map(),
    contractsByOrgSku: new Map(),
    tiersByProduct: new Map(),
    ruleCount: rules.length,
  };
  for (const rule of rules) {
    switch (rule.kind) {
      case "base_price":
        push(compiled.baseBySku, rule.sku, compileRule(rule));
        break;
      case "surcharge":
        push(compiled.surchargesByProduct, rule.product, compileRule(rule));
        break;
      case "org_discount":
        push(compiled.discountsByOrg, rule.organisationId, compileRule(rule));
        break;
      case "contract_price":
        push(compiled.contractsByOrgSku, `${rule.organisationId}|${rule.sku}`, compileRule(rule));
        break;
      case "tier":
        push(compiled.tiersByProduct, rule.product ?? "*", compileRule(rule));
        break;
    }
  }
  for (const map of [compiled.baseBySku, compiled.surchargesByProduct, compiled.discountsByOrg, compiled.contractsByOrgSku, compiled.tiersByProduct] as Map<string, (TWindow & { priority: number })[]>[]) {
    for (const list of map.values()) list.sort(byPrecedence);
  }

  return compiled;
}

export const isValidAt = (rule: TWindow, at: number) => rule.fromMs <= at && at < rule.toMs;
