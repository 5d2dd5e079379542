// Compiling a rule-set version into its evaluation form: rules indexed by what a price
// request looks them up by (SKU, product, organisation), validity windows as numbers and
// each list sorted by precedence, so that pricing one line touches only its own rules.
// Every compiled rule has the same shape (the rule sits inside it), which keeps the hot
// path's property lookups monomorphic.
import { fromMinor, type TExact } from "@/lib/pricing/money";
import type {
  TBasePriceRule,
  TContractPriceRule,
  TOrgDiscountRule,
  TPricingPolicy,
  TPricingRule,
  TSurchargeRule,
  TTierRule,
} from "@/lib/pricing/rules";

export type TCompiled<R extends TPricingRule> = {
  rule: R;
  fromMs: number;
  toMs: number;
  priority: number;
  exact: TExact;
};

export type TCompiledRuleSet = {
  versionId: string;
  currency: string;
  policy: TPricingPolicy;
  baseBySku: Map<string, TCompiled<TBasePriceRule>[]>;
  surchargesByProduct: Map<string, TCompiled<TSurchargeRule>[]>;
  discountsByOrg: Map<string, TCompiled<TOrgDiscountRule>[]>;
  /** Keyed by organisation id, then SKU. */
  contractsByOrg: Map<string, Map<string, TCompiled<TContractPriceRule>[]>>;
  /** Tiers for one product (for everyone or one organisation), keyed by product handle. */
  tiersByProduct: Map<string, TCompiled<TTierRule>[]>;
  /** Tiers for every product and one organisation, keyed by organisation id. */
  tiersByOrg: Map<string, TCompiled<TTierRule>[]>;
  /** Tiers for every product and everyone. */
  globalTiers: TCompiled<TTierRule>[];
  ruleCount: number;
};

const toMs = (value: string | null, fallback: number) => (value ? Date.parse(value) : fallback);

function compileRule<R extends TPricingRule>(rule: R): TCompiled<R> {
  return {
    rule,
    fromMs: toMs(rule.validFrom, -Infinity),
    toMs: toMs(rule.validTo, Infinity),
    priority: rule.priority,
    exact: fromMinor("amount" in rule ? rule.amount : 0),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Higher priority first; among equals, the one that started later (the newer rule) first.
const byPrecedence = (a: TCompiled<TPricingRule>, b: TCompiled<TPricingRule>) =>
  b.priority - a.priority || b.fromMs - a.fromMs;

export function compileRuleSet({
  versionId,
  currency,
  policy,
  rules,
}: {
  versionId: string;
  currency: string;
  policy: TPricingPolicy;
  rules: TPricingRule[];
}): TCompiledRuleSet {
  const compiled: TCompiledRuleSet = {
    versionId,
    currency,
    policy,
    baseBySku: new Map(),
    surchargesByProduct: new Map(),
    discountsByOrg: new Map(),
    contractsByOrg: new Map(),
    tiersByProduct: new Map(),
    tiersByOrg: new Map(),
    globalTiers: [],
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
      case "contract_price": {
        let bySku = compiled.contractsByOrg.get(rule.organisationId);
        if (!bySku) compiled.contractsByOrg.set(rule.organisationId, (bySku = new Map()));
        push(bySku, rule.sku, compileRule(rule));
        break;
      }
      case "tier":
        if (rule.product) push(compiled.tiersByProduct, rule.product, compileRule(rule));
        else if (rule.organisationId) push(compiled.tiersByOrg, rule.organisationId, compileRule(rule));
        else compiled.globalTiers.push(compileRule(rule));
        break;
    }
  }
  const lists: TCompiled<TPricingRule>[][] = [
    ...compiled.baseBySku.values(),
    ...compiled.surchargesByProduct.values(),
    ...compiled.discountsByOrg.values(),
    ...[...compiled.contractsByOrg.values()].flatMap((bySku) => [...bySku.values()]),
    ...compiled.tiersByProduct.values(),
    ...compiled.tiersByOrg.values(),
    compiled.globalTiers,
  ];
  for (const list of lists) list.sort(byPrecedence);

  return compiled;
}

export const isValidAt = (compiled: { fromMs: number; toMs: number }, at: number) =>
  compiled.fromMs <= at && at < compiled.toMs;
