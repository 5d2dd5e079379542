// The benchmark's rules as a GoRules ZEN decision (JSON Decision Model): one decision table
// per rule kind, side by side on the request, then one expression node that does the money
// arithmetic, so one `evaluate` call returns the unit price and ZEN does all the matching
// and all the maths (no step in JavaScript before or after it).
//   base prices      hit policy first    rows in our precedence order (priority, then newer)
//   contract prices  hit policy first    same order; a match replaces the computed price
//   surcharges       hit policy collect  every matching option surcharge applies
//   org discounts    hit policy collect  the expression node combines them per the policy
//   volume tiers     hit policy first    rows most specific first (organisation, product), then
//                                        priority, then the higher break, as our engine picks
// Money is exact as in lib/pricing/money.ts: ZEN numbers are decimals, and the expression
// works in integer units of 10^-12 cent, truncates each percentage there and rounds half up
// to the cent once at the end. No function nodes: they run JavaScript in QuickJS inside ZEN,
// which would measure QuickJS rather than the rules engine.
import { SCALE } from "../../lib/pricing/money";
import type { TPricingPolicy, TPricingRule, TTierRule } from "../../lib/pricing/rules";
import type { TPriceRequest } from "../../lib/pricing/types";

type TColumn = { id: string; name: string; field: string };
type TRow = Record<string, string>;
type TNode = {
  id: string;
  type: string;
  name: string;
  position: { x: number; y: number };
  content?: unknown;
};
type TZenInput = Omit<TPriceRequest, "at"> & { at: number };

const E = String(SCALE);
const text = (value: string) => JSON.stringify(value);

/** A unary test for the validity window: `fromMs <= at < toMs`, as isValidAt. */
function window(rule: TPricingRule): string {
  const from = rule.validFrom ? Date.parse(rule.validFrom) : null;
  const to = rule.validTo ? Date.parse(rule.validTo) : null;
  if (from !== null && to !== null) return `[${from}..${to})`;
  if (from !== null) return `>= ${from}`;

  return to !== null ? `< ${to}` : "";
}

const column = (id: string, field: string): TColumn => ({
  id,
  name: field,
  field,
});
const output = (field: string) => ({ id: `out_${field}`, name: field, field });

function table(
  id: string,
  hitPolicy: "first" | "collect",
  inputs: TColumn[],
  outputs: string[],
  rows: TRow[],
  x: number,
): TNode {
  return {
    id,
    type: "decisionTableNode",
    name: id,
    position: { x, y: 100 },
    content: {
      hitPolicy,
      inputs,
      outputs: outputs.map(output),
      rules: rows.map((row, index) => ({ _id: `${id}-${index}`, ...row })),
      // Each table sees the request only and answers under its own key.
      outputPath: id,
      passThrough: false,
      inputField: null,
      executionMode: "single",
    },
  };
}

const of = <K extends TPricingRule["kind"]>(rules: TPricingRule[], kind: K) =>
  rules.filter((rule): rule is Extract<TPricingRule, { kind: K }> => rule.kind === kind);
const fromMs = (rule: TPricingRule) => (rule.validFrom ? Date.parse(rule.validFrom) : -Infinity);
// The row order is the table's precedence, as compile.ts sorts each list; a stable sort keeps ties in rule order.
const byPrecedence = (a: TPricingRule, b: TPricingRule) => b.priority - a.priority || fromMs(b) - fromMs(a);
const specificity = (tier: TTierRule) => (tier.organisationId ? 2 : 0) + (tier.product ? 1 : 0);
const tierOrder = (a: TTierRule, b: TTierRule) =>
  specificity(b) - specificity(a) || b.priority - a.priority || b.minQuantity - a.minQuantity;

/** What this model covers; the benchmark's fixture stays inside it, and anything else fails loudly. */
function checkModelled(rules: TPricingRule[], policy: TPricingPolicy): void {
  if (policy.discounts !== "best" || policy.tiers !== "stack")
    throw new Error("ZEN model: only the best/stack policy is modelled");
  for (const rule of rules) {
    if (rule.kind === "org_discount" && rule.exclusive)
      throw new Error(`ZEN model: exclusive discount ${rule.id} not modelled`);
    if (rule.kind === "tier" && rule.mode !== "percent")
      throw new Error(`ZEN model: unit-price tier ${rule.id} not modelled`);
  }
}

export function buildZenContent(rules: TPricingRule[], policy: TPricingPolicy) {
  checkModelled(rules, policy);
  const base = table(
    "base",
    "first",
    [column("sku", "sku"), column("at", "at")],
    ["amount"],
    of(rules, "base_price")
      .sort(byPrecedence)
      .map((rule) => ({
        sku: text(rule.sku),
        at: window(rule),
        out_amount: String(rule.amount),
      })),
    200,
  );
  const contract = table(
    "contract",
    "first",
    [column("organisationId", "organisationId"), column("sku", "sku"), column("at", "at")],
    ["amount"],
    of(rules, "contract_price")
      .sort(byPrecedence)
      .map((rule) => ({
        organisationId: text(rule.organisationId),
        sku: text(rule.sku),
        at: window(rule),
        out_amount: String(rule.amount),
      })),
    400,
  );
  const surchargeRules = of(rules, "surcharge");
  const options = [...new Set(surchargeRules.map((rule) => rule.option))];
  const surcharges = table(
    "surcharges",
    "collect",
    [
      column("product", "product"),
      column("at", "at"),
      ...options.map((option) => column(`opt_${option}`, `configuration.${option}`)),
    ],
    ["mode", "amount", "bps", "option", "from", "step"],
    surchargeRules.map((rule) => ({
      product: text(rule.product),
      at: window(rule),
      ...Object.fromEntries(options.map((option) => [`opt_${option}`, ""])),
      // per_unit: only above `from` (zero started steps add nothing); a value: that choice; no value: switched on.
      [`opt_${rule.option}`]:
        rule.mode === "per_unit" ? `> ${rule.from}` : rule.value === null ? "true" : text(rule.value),
      out_mode: text(rule.mode),
      out_amount: String(rule.amount),
      out_bps: String(rule.bps),
      out_option: text(rule.option),
      out_from: String(rule.from),
      out_step: String(rule.step),
    })),
    600,
  );
  const discounts = table(
    "discounts",
    "collect",
    [
      column("organisationId", "organisationId"),
      column("product", "product"),
      column("categories", "categories"),
      column("at", "at"),
    ],
    ["bps"],
    of(rules, "org_discount").map((rule) => ({
      organisationId: text(rule.organisationId),
      product: rule.scope.type === "product" ? text(rule.scope.product) : "",
      categories: rule.scope.type === "category" ? `contains($, ${text(rule.scope.category)})` : "",
      at: window(rule),
      out_bps: String(rule.bps),
    })),
    800,
  );
  const tiers = table(
    "tier",
    "first",
    [
      column("product", "product"),
      column("organisationId", "organisationId"),
      column("quantity", "quantity"),
      column("at", "at"),
    ],
    ["bps"],
    of(rules, "tier")
      .sort(tierOrder)
      .map((rule) => ({
        product: rule.product ? text(rule.product) : "",
        organisationId: rule.organisationId ? text(rule.organisationId) : "",
        quantity: rule.maxQuantity === null ? `>= ${rule.minQuantity}` : `[${rule.minQuantity}..${rule.maxQuantity}]`,
        at: window(rule),
        out_bps: String(rule.bps),
      })),
    1000,
  );
  // Units of 10^-12 cent; trunc() is BigInt division (toward zero); the one rounding is half up.
  const expressions: [string, string][] = [
    ["hasBase", "base.amount != null"],
    ["basePrice", `$.hasBase ? base.amount * ${E} : 0`],
    [
      "surcharge",
      `sum(map(surcharges, #.mode == "fixed" ? #.amount * ${E} : (#.mode == "percent" ? ` +
        `trunc($.basePrice * #.bps / 10000) : #.amount * ${E} * max([0, ceil((configuration[#.option] - #.from) / #.step)]))))`,
    ],
    ["subtotal", "$.basePrice + $.surcharge"],
    ["discountBps", "len(discounts) > 0 ? max(map(discounts, #.bps)) : 0"],
    ["afterDiscount", "$.subtotal - trunc($.subtotal * $.discountBps / 10000)"],
    ["tierBps", "tier.bps != null ? tier.bps : 0"],
    ["afterTier", "$.afterDiscount - trunc($.afterDiscount * $.tierBps / 10000)"],
    ["exact", `contract.amount != null ? contract.amount * ${E} : max([$.afterTier, 0])`],
    ["price", `$.hasBase ? trunc(($.exact + ${E} / 2) / ${E}) : null`],
  ];
  const price: TNode = {
    id: "price",
    type: "expressionNode",
    name: "price",
    position: { x: 1200, y: 100 },
    content: {
      expressions: expressions.map(([key, value]) => ({
        id: `x_${key}`,
        key,
        value,
      })),
      passThrough: false,
      inputField: null,
      outputPath: null,
      executionMode: "single",
    },
  };
  const nodes: TNode[] = [
    {
      id: "request",
      type: "inputNode",
      name: "request",
      position: { x: 0, y: 100 },
    },
    base,
    contract,
    surcharges,
    discounts,
    tiers,
    price,
    {
      id: "response",
      type: "outputNode",
      name: "response",
      position: { x: 1400, y: 100 },
    },
  ];
  // The tables run side by side on the request; the price node gets their answers and the request.
  const tables = [base, contract, surcharges, discounts, tiers];
  const links: [string, string][] = [
    ...tables.flatMap((node): [string, string][] => [
      ["request", node.id],
      [node.id, "price"],
    ]),
    ["request", "price"],
    ["price", "response"],
  ];
  const edges = links.map(([sourceId, targetId], index) => ({
    id: `e${index}`,
    type: "edge",
    sourceId,
    targetId,
  }));

  return { contentType: "application/vnd.gorules.decision", nodes, edges };
}

/** The line as ZEN sees it: the instant as epoch milliseconds (its tables compare numbers). */
export const toZenInput = (line: TPriceRequest): TZenInput => ({
  ...line,
  at: line.at.getTime(),
});
