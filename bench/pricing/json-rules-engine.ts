// The benchmark's rules expressed for json-rules-engine, the usual off-the-shelf choice:
// every pricing rule becomes an engine rule whose conditions select the lines it applies
// to and whose event carries its amount; a reducer then combines the fired events with the
// same policy as our engine (best discount, tier stacked on it, contract replaces, one
// rounding at the end), so both must give identical prices.
import { Engine, type RuleProperties } from "json-rules-engine";
import type { TPricingRule } from "../../lib/pricing/rules";
import type { TPriceRequest } from "../../lib/pricing/types";

type TFired = { type: string; params?: Record<string, unknown> };

function window(rule: TPricingRule) {
  return [
    ...(rule.validFrom ? [{ fact: "at", operator: "greaterThanInclusive", value: Date.parse(rule.validFrom) }] : []),
    ...(rule.validTo ? [{ fact: "at", operator: "lessThan", value: Date.parse(rule.validTo) }] : []),
  ];
}

function toEngineRule(rule: TPricingRule): RuleProperties {
  const when = (conditions: Record<string, unknown>[]) =>
    ({ all: [...conditions, ...window(rule)] }) as RuleProperties["conditions"];
  const event = { type: rule.kind, params: { ...rule } as Record<string, unknown> };
  switch (rule.kind) {
    case "base_price":
    case "contract_price":
      return {
        conditions: when([
          { fact: "sku", operator: "equal", value: rule.sku },
          ...(rule.kind === "contract_price"
            ? [{ fact: "organisationId", operator: "equal", value: rule.organisationId }]
            : []),
        ]),
        event,
        priority: rule.priority + 1,
      };
    case "surcharge":
      return {
        conditions: when([
          { fact: "product", operator: "equal", value: rule.product },
          rule.mode === "per_unit"
            ? { fact: "configuration", path: `$.${rule.option}`, operator: "greaterThan", value: rule.from }
            : rule.value === null
              ? { fact: "configuration", path: `$.${rule.option}`, operator: "equal", value: true }
              : { fact: "configuration", path: `$.${rule.option}`, operator: "equal", value: rule.value },
        ]),
        event,
      };
    case "org_discount":
      return {
        conditions: when([
          { fact: "organisationId", operator: "equal", value: rule.organisationId },
          ...(rule.scope.type === "product"
            ? [{ fact: "product", operator: "equal", value: rule.scope.product }]
            : rule.scope.type === "category"
              ? [{ fact: "categories", operator: "contains", value: rule.scope.category }]
              : []),
        ]),
        event,
      };
    case "tier":
      return {
        conditions: when([
          { fact: "quantity", operator: "greaterThanInclusive", value: rule.minQuantity },
          ...(rule.maxQuantity === null
            ? []
            : [{ fact: "quantity", operator: "lessThanInclusive", value: rule.maxQuantity }]),
          ...(rule.product ? [{ fact: "product", operator: "equal", value: rule.product }] : []),
          ...(rule.organisationId ? [{ fact: "organisationId", operator: "equal", value: rule.organisationId }] : []),
        ]),
        event,
      };
  }
}

export function buildEngine(rules: TPricingRule[]): Engine {
  return new Engine(rules.map(toEngineRule), { allowUndefinedFacts: true });
}

const SCALE = 1_000_000_000_000n;
const byPrecedence = (a: TPricingRule, b: TPricingRule) =>
  b.priority - a.priority ||
  (b.validFrom ? Date.parse(b.validFrom) : -Infinity) - (a.validFrom ? Date.parse(a.validFrom) : -Infinity);

/** Combines the fired events into a unit price (minor units), as the Tradepost engine does. */
export async function priceWithEngine(engine: Engine, line: TPriceRequest): Promise<number | null> {
  const { events } = await engine.run({ ...line, at: line.at.getTime() });
  const of = <K extends TPricingRule["kind"]>(kind: K) =>
    (events as TFired[])
      .filter((event) => event.type === kind)
      .map((event) => event.params as unknown as Extract<TPricingRule, { kind: K }>)
      .sort(byPrecedence);
  const base = of("base_price")[0];
  if (!base) return null;
  const contract = of("contract_price")[0];
  if (contract) return contract.amount;
  let price = BigInt(base.amount) * SCALE;
  for (const surcharge of of("surcharge")) {
    if (surcharge.mode === "fixed") price += BigInt(surcharge.amount) * SCALE;
    else if (surcharge.mode === "percent") price += (BigInt(base.amount) * SCALE * BigInt(surcharge.bps)) / 10_000n;
    else
      price +=
        BigInt(surcharge.amount) *
        SCALE *
        BigInt(Math.ceil((Number(line.configuration[surcharge.option]) - surcharge.from) / surcharge.step));
  }
  const discount = of("org_discount").sort((a, b) => b.bps - a.bps || b.priority - a.priority)[0];
  if (discount) price -= (price * BigInt(discount.bps)) / 10_000n;
  const specificity = (tier: Extract<TPricingRule, { kind: "tier" }>) =>
    (tier.organisationId ? 2 : 0) + (tier.product ? 1 : 0);
  const tier = of("tier").sort(
    (a, b) => specificity(b) - specificity(a) || b.priority - a.priority || b.minQuantity - a.minQuantity,
  )[0];
  if (tier?.mode === "percent") price -= (price * BigInt(tier.bps)) / 10_000n;

  return Number((price + SCALE / 2n) / SCALE);
}
