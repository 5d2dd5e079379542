// Pricing one line with a compiled rule set. The order of operations (shown to data
// managers as-is):
//   1. base price of the SKU (or a tier's unit price from that quantity on)
//   2. + option surcharges (fixed, % of base, or per started step of a numeric option)
//   3. a contract price for the organisation and SKU replaces 1–2 and ends the calculation
//   4. − organisation discounts, combined per the policy (an exclusive one stands alone)
//   5. − a volume-tier percentage (stacked, or best-of with the discount, per the policy)
//   6. never below zero; rounded half up to the cent (the one rounding step)
// line total = unit price × quantity. Every rule that could apply is in the trace.
import { isValidAt, type TCompiled, type TCompiledRuleSet } from "@/lib/pricing/compile";
import { percentOf, roundToMinor, type TExact } from "@/lib/pricing/money";
import type { TContractPriceRule, TOrgDiscountRule, TPricingRule, TSurchargeRule, TTierRule } from "@/lib/pricing/rules";
import type { TBreakdownLine, TConfiguration, TPriceRequest, TPriceResult, TTraceEntry } from "@/lib/pricing/types";

type TStep = { type: TBreakdownLine["type"]; label: string; exact: TExact; ruleId?: string; reason?: string; rule?: TPricingRule };
type TContext = { request: TPriceRequest; at: number; trace: TTraceEntry[] | null };

export const formatBps = (bps: number) => `${(bps / 100).toLocaleString("en", { maximumFractionDigits: 2 })} %`;

function note(context: TContext, rule: TPricingRule, outcome: TTraceEntry["outcome"], reason: string): void {
  context.trace?.push({ ruleId: rule.id, kind: rule.kind, outcome, reason });
}

function validOrNote<R extends TCompiled<TPricingRule>>(context: TContext, rule: R): boolean {
  if (isValidAt(rule, context.at)) return true;
  note(context, rule, "skipped", rule.fromMs > context.at ? `not valid yet (from ${rule.validFrom})` : `no longer valid (until ${rule.validTo})`);

  return false;
}

function pickTier(compiled: TCompiledRuleSet, context: TContext): TCompiled<TTierRule> | null {
  const { request } = context;
  const candidates = [...(compiled.tiersByProduct.get(request.product) ?? []), ...(compiled.tiersByProduct.get("*") ?? [])];
  const eligible = candidates.filter((tier) => {
    if (tier.organisationId && tier.organisationId !== request.organisationId) return false;
    if (!validOrNote(context, tier)) return false;
    if (request.quantity < tier.minQuantity || (tier.maxQuantity !== null && request.quantity > tier.maxQuantity)) {
      note(context, tier, "skipped", `quantity ${request.quantity} is outside ${tier.minQuantity}–${tier.maxQuantity ?? "∞"}`);

      return false;
    }

    return true;
  });
  // The most specific tier wins: for this organisation, then for this product, then by priority.
  const specificity = (tier: TTierRule) => (tier.organisationId ? 2 : 0) + (tier.product ? 1 : 0);
  eligible.sort((a, b) => specificity(b) - specificity(a) || b.priority - a.priority || b.minQuantity - a.minQuantity);
  for (const other of eligible.slice(1)) note(context, other, "skipped", `a more specific or higher-priority tier applies (${eligible[0]!.id})`);

  return eligible[0] ?? null;
}

function optionMatches(configuration: TConfiguration, rule: TSurchargeRule): boolean {
  const chosen = configuration[rule.option];
  if (chosen === undefined || chosen === false) return false;
  if (rule.value === null) return chosen !== "" && chosen !== 0;
  if (Array.isArray(chosen)) return chosen.includes(rule.value);

  return String(chosen) === rule.value;
}

function surchargeSteps(rules: TCompiled<TSurchargeRule>[], base: TExact, context: TContext): TStep[] {
  const steps: TStep[] = [];
  for (const rule of rules) {
    if (!validOrNote(context, rule)) continue;
    const chosen = context.request.configuration[rule.option];
    if (rule.mode === "per_unit") {
      if (typeof chosen !== "number") {
        note(context, rule, "skipped", `option ${rule.option} is not set to a number`);
        continue;
      }
      const units = Math.max(0, Math.ceil((chosen - rule.from) / rule.step));
      if (units === 0) {
        note(context, rule, "skipped", `${rule.option} ${chosen} is not above ${rule.from}`);
        continue;
      }
      steps.push({ type: "surcharge", label: rule.note || `${rule.option} ${chosen}: ${units} × ${rule.step} above ${rule.from}`, exact: rule.exact * BigInt(units), ruleId: rule.id });
      note(context, rule, "applied", `${units} started step(s) of ${rule.step} above ${rule.from}`);
      continue;
    }
    if (!optionMatches(context.request.configuration, rule)) {
      note(context, rule, "skipped", `option ${rule.option} is not ${rule.value ?? "chosen"}`);
      continue;
    }
    const exact = rule.mode === "fixed" ? rule.exact : percentOf(base, rule.bps);
    const what = rule.value ? `${rule.option} = ${rule.value}` : rule.option;
    steps.push({ type: "surcharge", label: rule.note || (rule.mode === "fixed" ? `Option ${what}` : `Option ${what} (${formatBps(rule.bps)} of base)`), exact, ruleId: rule.id });
    note(context, rule, "applied", rule.mode === "fixed" ? "fixed surcharge" : `${formatBps(rule.bps)} of the base price`);
  }

  return steps;
}

function pickContract(compiled: TCompiledRuleSet, context: TContext): TCompiled<TContractPriceRule> | null {
  const rules = compiled.contractsByOrgSku.get(`${context.request.organisationId}|${context.request.sku}`) ?? [];
  const valid = rules.filter((rule) => validOrNote(context, rule));
  for (const other of valid.slice(1)) note(context, other, "skipped", `a higher-priority contract price applies (${valid[0]!.id})`);

  return valid[0] ?? null;
}

function discountsFor(compiled: TCompiledRuleSet, context: TContext): TCompiled<TOrgDiscountRule>[] {
  const { request } = context;

  return (compiled.discountsByOrg.get(request.organisationId) ?? []).filter((rule) => {
    if (!validOrNote(context, rule)) return false;
    const scope = rule.scope;
    const inScope = scope.type === "all" || (scope.type === "product" && scope.product === request.product) || (scope.type === "category" && request.categories.includes(scope.category));
    if (!inScope) note(context, rule, "skipped", `not for this product (${scope.type === "product" ? scope.product : scope.type === "category" ? `category ${scope.category}` : "all"})`);

    return inScope;
  });
}

type TDiscountOption = { rules: TCompiled<TOrgDiscountRule>[]; steps: TStep[]; how: string };

/** The non-exclusive discounts combined per the policy. */
function combine(rules: TCompiled<TOrgDiscountRule>[], policy: TCompiledRuleSet["policy"]["discounts"], price: TExact): TDiscountOption {
  const byPriority = [...rules].sort((a, b) => b.priority - a.priority || b.bps - a.bps);
  const chosen = policy === "best" ? [[...rules].sort((a, b) => b.bps - a.bps || b.priority - a.priority)[0]!] : policy === "first_match" ? [byPriority[0]!] : byPriority;
  let remaining = price;
  let totalBps = 0;
  const steps = chosen.map((rule): TStep => {
    const bps = policy === "additive" ? Math.min(rule.bps, 10_000 - totalBps) : rule.bps;
    totalBps += bps;
    const amount = percentOf(policy === "compound" ? remaining : price, bps);
    remaining -= amount;

    return { type: "discount", label: rule.note || `Organisation discount ${formatBps(bps)}`, exact: -amount, ruleId: rule.id, reason: `${formatBps(bps)} (${policy.replace("_", "-")})`, rule };
  });

  return { rules: chosen, steps, how: policy.replace("_", "-") };
}

/**
 * The discount steps on `price`. An exclusive discount never combines with others: the
 * buyer gets it alone or the others combined, whichever is lower; so adding a discount
 * never raises a price (except under first-match, where priority decides by design).
 */
function discountSteps(compiled: TCompiledRuleSet, context: TContext, price: TExact): TStep[] {
  const discounts = discountsFor(compiled, context);
  if (!discounts.length) return [];
  const normal = discounts.filter((rule) => !rule.exclusive);
  const options: TDiscountOption[] = [
    ...(normal.length ? [combine(normal, compiled.policy.discounts, price)] : []),
    ...discounts.filter((rule) => rule.exclusive).map((rule) => ({ ...combine([rule], "best", price), how: "exclusive" })),
  ];
  const best = options.reduce((winner, option) => (sum(option.steps) < sum(winner.steps) ? option : winner));
  for (const rule of discounts) {
    if (!best.rules.includes(rule)) note(context, rule, "skipped", best.how === "exclusive" ? `the exclusive discount ${best.rules[0]!.id} is better on its own` : rule.exclusive ? "the combined discounts are better than this exclusive one" : `another discount applies (${best.how})`);
  }

  return best.steps.map((step) => ({ ...step, reason: best.how === "exclusive" ? `${step.reason} – exclusive, alone` : step.reason }));
}

const sum = (steps: TStep[]) => steps.reduce((total, step) => total + step.exact, 0n);

function finish(compiled: TCompiledRuleSet, context: TContext, steps: TStep[]): TPriceResult {
  let exact = sum(steps);
  if (exact < 0n) {
    steps.push({ type: "floor", label: "Prices never go below zero", exact: -exact });
    exact = 0n;
  }
  const unitPrice = roundToMinor(exact);
  const lines: TBreakdownLine[] = steps.map((step) => ({ type: step.type, label: step.label, amountMinor: roundToMinor(step.exact), ...(step.ruleId ? { ruleId: step.ruleId } : {}) }));
  const shown = lines.reduce((total, line) => total + line.amountMinor, 0);
  if (shown !== unitPrice) lines.push({ type: "rounding", label: "Rounding to the cent", amountMinor: unitPrice - shown });

  return {
    ok: true,
    versionId: compiled.versionId,
    currency: compiled.currency,
    quantity: context.request.quantity,
    unitPrice,
    lineTotal: unitPrice * context.request.quantity,
    breakdown: lines,
    trace: context.trace ?? [],
  };
}

/** Prices one line. Pure and deterministic; `explain: false` skips the trace (for speed). */
export function priceLine(compiled: TCompiledRuleSet, request: TPriceRequest, { explain = true }: { explain?: boolean } = {}): TPriceResult {
  const context: TContext = { request, at: request.at.getTime(), trace: explain ? [] : null };
  if (!Number.isInteger(request.quantity) || request.quantity < 1) {
    return { ok: false, versionId: compiled.versionId, code: "INVALID_QUANTITY", message: "The quantity must be a whole number of at least 1.", trace: [] };
  }
  const tier = pickTier(compiled, context);
  const base = (compiled.baseBySku.get(request.sku) ?? []).filter((rule) => validOrNote(context, rule));
  for (const other of base.slice(1)) note(context, other, "skipped", `a higher-priority base price applies (${base[0]!.id})`);
  if (!base[0] && tier?.mode !== "unit_price") {
    return { ok: false, versionId: compiled.versionId, code: "NO_BASE_PRICE", message: `No price for ${request.sku} in ${compiled.currency} on ${request.at.toISOString().slice(0, 10)}.`, trace: context.trace ?? [] };
  }

  const steps: TStep[] = [];
  if (tier?.mode === "unit_price") {
    if (base[0]) note(context, base[0], "skipped", `replaced by the tier price ${tier.id}`);
    steps.push({ type: "tier_price", label: tier.note || `Volume price from ${tier.minQuantity} units`, exact: tier.exact, ruleId: tier.id });
    note(context, tier, "applied", `unit price from ${tier.minQuantity} units`);
  } else {
    steps.push({ type: "base", label: base[0]!.note || `Base price ${request.sku}`, exact: base[0]!.exact, ruleId: base[0]!.id });
    note(context, base[0]!, "applied", "base price");
  }
  steps.push(...surchargeSteps(compiled.surchargesByProduct.get(request.product) ?? [], steps[0]!.exact, context));

  const contract = pickContract(compiled, context);
  if (contract) {
    steps.push({ type: "contract", label: contract.note || "Contract price", exact: contract.exact - sum(steps), ruleId: contract.id });
    note(context, contract, "applied", "contract price replaces the computed price");
    for (const rule of discountsFor(compiled, context)) note(context, rule, "skipped", "a contract price applies");
    if (tier?.mode === "percent") note(context, tier, "skipped", "a contract price applies");

    return finish(compiled, context, steps);
  }

  return finish(compiled, context, [...steps, ...reductions(compiled, context, sum(steps), tier)]);
}

function noteDiscounts(context: TContext, steps: TStep[], outcome: TTraceEntry["outcome"], reason?: string): TStep[] {
  for (const step of steps) if (step.rule) note(context, step.rule, outcome, reason ?? step.reason ?? "");

  return steps;
}

/** Steps 4–5: organisation discount and tier percentage, stacked or best-of per the policy. */
function reductions(compiled: TCompiledRuleSet, context: TContext, price: TExact, tier: TCompiled<TTierRule> | null): TStep[] {
  const discount = discountSteps(compiled, context, price);
  if (tier?.mode !== "percent") return noteDiscounts(context, discount, "applied");
  const afterDiscount = price + sum(discount);
  const stacked = [...discount, { type: "tier" as const, label: tier.note || `Volume discount ${formatBps(tier.bps)} from ${tier.minQuantity} units`, exact: -percentOf(afterDiscount, tier.bps), ruleId: tier.id }];
  if (compiled.policy.tiers === "stack" || !discount.length) {
    noteDiscounts(context, discount, "applied");
    note(context, tier, "applied", `${formatBps(tier.bps)} from ${tier.minQuantity} units`);

    return stacked;
  }
  const tierOnly: TStep[] = [{ type: "tier", label: tier.note || `Volume discount ${formatBps(tier.bps)} from ${tier.minQuantity} units`, exact: -percentOf(price, tier.bps), ruleId: tier.id }];
  const tierWins = sum(tierOnly) < sum(discount);
  note(context, tier, tierWins ? "applied" : "skipped", tierWins ? "the tier beats the organisation discount (best of)" : "the organisation discount is better (best of)");
  noteDiscounts(context, discount, tierWins ? "skipped" : "applied", tierWins ? `the volume tier ${tier.id} gives a lower price (best of)` : undefined);

  return tierWins ? tierOnly : discount;
}
