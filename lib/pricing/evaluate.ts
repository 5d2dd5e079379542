// Pricing one line with a compiled rule set. The order of operations (shown to data
// managers as-is):
//   1. base price of the SKU (or a tier's unit price from that quantity on)
//   2. + option surcharges (fixed, % of base, or per started step of a numeric option)
//   3. a contract price for the organisation and SKU replaces 1–2 and ends the calculation
//   4. − organisation discounts, combined per the policy (an exclusive one stands alone)
//   5. − a volume-tier percentage (stacked, or best-of with the discount, per the policy)
//   6. never below zero; rounded half up to the cent (the one rounding step)
// line total = unit price × quantity. Every rule that could apply is in the trace.
// This runs for every priced line: it loops rather than allocating closures and sorts,
// and builds the explanation only when asked (see bench/pricing).
import { isValidAt, type TCompiled, type TCompiledRuleSet } from "@/lib/pricing/compile";
import { fromMinor, percentOf, roundToMinor, type TExact } from "@/lib/pricing/money";
import type { TContractPriceRule, TOrgDiscountRule, TPricingRule, TSurchargeRule, TTierRule } from "@/lib/pricing/rules";
import type { TBreakdownLine, TConfiguration, TPriceRequest, TPriceResult, TTraceEntry } from "@/lib/pricing/types";

type TStep = { type: TBreakdownLine["type"]; label: string; exact: TExact; ruleId?: string; reason?: string; rule?: TPricingRule };
type TContext = { request: TPriceRequest; at: number; trace: TTraceEntry[] | null };

/** 1250 → "12.5 %". Hand-made rather than Intl: it runs on every priced line, and Intl is slow. */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = Math.abs(bps % 100);

  return `${whole}${fraction ? `.${String(fraction).padStart(2, "0").replace(/0$/, "")}` : ""} %`;
}

function note(context: TContext, rule: TPricingRule, outcome: TTraceEntry["outcome"], reason: string): void {
  context.trace?.push({ ruleId: rule.id, kind: rule.kind, outcome, reason });
}

function validOrNote(context: TContext, compiled: TCompiled<TPricingRule>): boolean {
  if (isValidAt(compiled, context.at)) return true;
  if (context.trace) {
    const { rule } = compiled;
    note(context, rule, "skipped", compiled.fromMs > context.at ? `not valid yet (from ${rule.validFrom})` : `no longer valid (until ${rule.validTo})`);
  }

  return false;
}

const specificity = (tier: TTierRule) => (tier.organisationId ? 2 : 0) + (tier.product ? 1 : 0);

/** True when `a` should win over `b`: the most specific tier, then priority, then the higher break. */
function tierBeats(a: TTierRule, b: TTierRule): boolean {
  const bySpecificity = specificity(a) - specificity(b);
  if (bySpecificity) return bySpecificity > 0;

  return a.priority !== b.priority ? a.priority > b.priority : a.minQuantity > b.minQuantity;
}

function pickTier(compiled: TCompiledRuleSet, context: TContext): TTierRule | null {
  const { request } = context;
  const lists = [compiled.tiersByProduct.get(request.product), compiled.tiersByOrg.get(request.organisationId), compiled.globalTiers];
  let best: TTierRule | null = null;
  const eligible: TTierRule[] | null = context.trace ? [] : null;
  for (const list of lists) {
    if (!list) continue;
    for (const candidate of list) {
      const tier = candidate.rule;
      if (tier.organisationId && tier.organisationId !== request.organisationId) continue;
      if (!validOrNote(context, candidate)) continue;
      if (request.quantity < tier.minQuantity || (tier.maxQuantity !== null && request.quantity > tier.maxQuantity)) {
        if (context.trace) note(context, tier, "skipped", `quantity ${request.quantity} is outside ${tier.minQuantity}–${tier.maxQuantity ?? "∞"}`);
        continue;
      }
      eligible?.push(tier);
      if (!best || tierBeats(tier, best)) best = tier;
    }
  }
  for (const other of eligible ?? []) if (other !== best) note(context, other, "skipped", `a more specific or higher-priority tier applies (${best!.id})`);

  return best;
}

function optionMatches(configuration: TConfiguration, rule: TSurchargeRule): boolean {
  const chosen = configuration[rule.option];
  if (chosen === undefined || chosen === false) return false;
  if (rule.value === null) return chosen !== "" && chosen !== 0;
  if (Array.isArray(chosen)) return chosen.includes(rule.value);

  return String(chosen) === rule.value;
}

function surchargeStep(compiled: TCompiled<TSurchargeRule>, base: TExact, context: TContext): TStep | null {
  const rule = compiled.rule;
  const chosen = context.request.configuration[rule.option];
  if (rule.mode === "per_unit") {
    if (typeof chosen !== "number") {
      if (context.trace) note(context, rule, "skipped", `option ${rule.option} is not set to a number`);

      return null;
    }
    const units = Math.max(0, Math.ceil((chosen - rule.from) / rule.step));
    if (units === 0) {
      if (context.trace) note(context, rule, "skipped", `${rule.option} ${chosen} is not above ${rule.from}`);

      return null;
    }
    if (context.trace) note(context, rule, "applied", `${units} started step(s) of ${rule.step} above ${rule.from}`);

    return { type: "surcharge", label: rule.note || `${rule.option} ${chosen}: ${units} × ${rule.step} above ${rule.from}`, exact: compiled.exact * BigInt(units), ruleId: rule.id };
  }
  if (!optionMatches(context.request.configuration, rule)) {
    if (context.trace) note(context, rule, "skipped", `option ${rule.option} is not ${rule.value ?? "chosen"}`);

    return null;
  }
  if (context.trace) note(context, rule, "applied", rule.mode === "fixed" ? "fixed surcharge" : `${formatBps(rule.bps)} of the base price`);
  const what = rule.value ? `${rule.option} = ${rule.value}` : rule.option;

  return {
    type: "surcharge",
    label: rule.note || (rule.mode === "fixed" ? `Option ${what}` : `Option ${what} (${formatBps(rule.bps)} of base)`),
    exact: rule.mode === "fixed" ? compiled.exact : percentOf(base, rule.bps),
    ruleId: rule.id,
  };
}

/** The first valid rule of a precedence-sorted list; the others valid at the same time are noted as overruled. */
function firstValid<R extends TPricingRule>(list: TCompiled<R>[] | undefined, context: TContext, overruled: (winner: R) => string): TCompiled<R> | null {
  let winner: TCompiled<R> | null = null;
  const losers: R[] = [];
  for (const candidate of list ?? []) {
    if (!validOrNote(context, candidate)) continue;
    if (!winner) winner = candidate;
    else if (context.trace) losers.push(candidate.rule);
  }
  for (const loser of losers) note(context, loser, "skipped", overruled(winner!.rule));

  return winner;
}

function discountsFor(compiled: TCompiledRuleSet, context: TContext): TOrgDiscountRule[] {
  const { request } = context;
  const found: TOrgDiscountRule[] = [];
  for (const candidate of compiled.discountsByOrg.get(request.organisationId) ?? []) {
    if (!validOrNote(context, candidate)) continue;
    const rule = candidate.rule;
    const scope = rule.scope;
    const inScope = scope.type === "all" || (scope.type === "product" ? scope.product === request.product : request.categories.includes(scope.category));
    if (inScope) found.push(rule);
    else if (context.trace) note(context, rule, "skipped", `not for this product (${scope.type === "product" ? scope.product : scope.type === "category" ? `category ${scope.category}` : "all"})`);
  }

  return found;
}

type TDiscountOption = { rules: TOrgDiscountRule[]; steps: TStep[]; total: TExact; how: string };

/** The rules a policy combines, in the order it applies them. */
function chosenByPolicy(rules: TOrgDiscountRule[], policy: TCompiledRuleSet["policy"]["discounts"]): TOrgDiscountRule[] {
  if (policy === "best") {
    let best = rules[0]!;
    for (const rule of rules) if (rule.bps > best.bps || (rule.bps === best.bps && rule.priority > best.priority)) best = rule;

    return [best];
  }
  const byPriority = rules.length > 1 ? [...rules].sort((a, b) => b.priority - a.priority || b.bps - a.bps) : rules;

  return policy === "first_match" ? [byPriority[0]!] : byPriority;
}

/** The non-exclusive discounts combined per the policy. */
function combine(rules: TOrgDiscountRule[], policy: TCompiledRuleSet["policy"]["discounts"], price: TExact, how = policy.replace("_", "-")): TDiscountOption {
  const chosen = chosenByPolicy(rules, policy);
  let remaining = price;
  let totalBps = 0;
  let total = 0n;
  const steps = chosen.map((rule): TStep => {
    const bps = policy === "additive" ? Math.min(rule.bps, 10_000 - totalBps) : rule.bps;
    totalBps += bps;
    const amount = percentOf(policy === "compound" ? remaining : price, bps);
    remaining -= amount;
    total -= amount;

    return { type: "discount", label: rule.note || `Organisation discount ${formatBps(bps)}`, exact: -amount, ruleId: rule.id, reason: `${formatBps(bps)} (${policy.replace("_", "-")})`, rule };
  });

  return { rules: chosen, steps, total, how };
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
  let best: TDiscountOption | null = normal.length ? combine(normal, compiled.policy.discounts, price) : null;
  for (const rule of discounts) {
    if (!rule.exclusive) continue;
    const alone = combine([rule], "best", price, "exclusive");
    if (!best || alone.total < best.total) best = alone;
  }
  const winner = best!;
  if (context.trace) {
    for (const rule of discounts) {
      if (winner.rules.includes(rule)) continue;
      note(context, rule, "skipped", winner.how === "exclusive" ? `the exclusive discount ${winner.rules[0]!.id} is better on its own` : rule.exclusive ? "the combined discounts are better than this exclusive one" : `another discount applies (${winner.how})`);
    }
  }

  return winner.how === "exclusive" ? winner.steps.map((step) => ({ ...step, reason: `${step.reason} – exclusive, alone` })) : winner.steps;
}

function sum(steps: TStep[]): TExact {
  let total = 0n;
  for (const step of steps) total += step.exact;

  return total;
}

function finish(compiled: TCompiledRuleSet, context: TContext, steps: TStep[]): TPriceResult {
  let exact = sum(steps);
  if (exact < 0n) {
    steps.push({ type: "floor", label: "Prices never go below zero", exact: -exact });
    exact = 0n;
  }
  const unitPrice = roundToMinor(exact);
  let shown = 0;
  const lines: TBreakdownLine[] = steps.map((step) => {
    const amountMinor = roundToMinor(step.exact);
    shown += amountMinor;

    return step.ruleId ? { type: step.type, label: step.label, amountMinor, ruleId: step.ruleId } : { type: step.type, label: step.label, amountMinor };
  });
  if (shown !== unitPrice) lines.push({ type: "rounding", label: "Rounding to the cent", amountMinor: unitPrice - shown });

  return { ok: true, versionId: compiled.versionId, currency: compiled.currency, quantity: context.request.quantity, unitPrice, lineTotal: unitPrice * context.request.quantity, breakdown: lines, trace: context.trace ?? [] };
}

/** Prices one line. Pure and deterministic; `explain: false` skips the trace (for speed). */
export function priceLine(compiled: TCompiledRuleSet, request: TPriceRequest, { explain = true }: { explain?: boolean } = {}): TPriceResult {
  const context: TContext = { request, at: request.at.getTime(), trace: explain ? [] : null };
  if (!Number.isInteger(request.quantity) || request.quantity < 1) {
    return { ok: false, versionId: compiled.versionId, code: "INVALID_QUANTITY", message: "The quantity must be a whole number of at least 1.", trace: [] };
  }
  const tier = pickTier(compiled, context);
  const base = firstValid(compiled.baseBySku.get(request.sku), context, (winner) => `a higher-priority base price applies (${winner.id})`);
  if (!base && tier?.mode !== "unit_price") {
    return { ok: false, versionId: compiled.versionId, code: "NO_BASE_PRICE", message: `No price for ${request.sku} in ${compiled.currency} on ${request.at.toISOString().slice(0, 10)}.`, trace: context.trace ?? [] };
  }

  const steps: TStep[] = [];
  if (tier?.mode === "unit_price") {
    if (base) note(context, base.rule, "skipped", `replaced by the tier price ${tier.id}`);
    steps.push({ type: "tier_price", label: tier.note || `Volume price from ${tier.minQuantity} units`, exact: fromMinor(tier.amount), ruleId: tier.id });
    note(context, tier, "applied", `unit price from ${tier.minQuantity} units`);
  } else {
    steps.push({ type: "base", label: base!.rule.note || `Base price ${request.sku}`, exact: base!.exact, ruleId: base!.rule.id });
    note(context, base!.rule, "applied", "base price");
  }
  const basePrice = steps[0]!.exact;
  for (const surcharge of compiled.surchargesByProduct.get(request.product) ?? []) {
    if (!validOrNote(context, surcharge)) continue;
    const step = surchargeStep(surcharge, basePrice, context);
    if (step) steps.push(step);
  }

  const contract = firstValid<TContractPriceRule>(compiled.contractsByOrg.get(request.organisationId)?.get(request.sku), context, (winner) => `a higher-priority contract price applies (${winner.id})`);
  if (contract) {
    steps.push({ type: "contract", label: contract.rule.note || "Contract price", exact: contract.exact - sum(steps), ruleId: contract.rule.id });
    note(context, contract.rule, "applied", "contract price replaces the computed price");
    if (context.trace) {
      for (const rule of discountsFor(compiled, context)) note(context, rule, "skipped", "a contract price applies");
      if (tier?.mode === "percent") note(context, tier, "skipped", "a contract price applies");
    }

    return finish(compiled, context, steps);
  }

  return finish(compiled, context, [...steps, ...reductions(compiled, context, sum(steps), tier)]);
}

function noteDiscounts(context: TContext, steps: TStep[], outcome: TTraceEntry["outcome"], reason?: string): TStep[] {
  if (context.trace) for (const step of steps) if (step.rule) note(context, step.rule, outcome, reason ?? step.reason ?? "");

  return steps;
}

/** Steps 4–5: organisation discount and tier percentage, stacked or best-of per the policy. */
function reductions(compiled: TCompiledRuleSet, context: TContext, price: TExact, tier: TTierRule | null): TStep[] {
  const discount = discountSteps(compiled, context, price);
  if (tier?.mode !== "percent") return noteDiscounts(context, discount, "applied");
  const label = tier.note || `Volume discount ${formatBps(tier.bps)} from ${tier.minQuantity} units`;
  const afterDiscount = price + sum(discount);
  if (compiled.policy.tiers === "stack" || !discount.length) {
    noteDiscounts(context, discount, "applied");
    note(context, tier, "applied", `${formatBps(tier.bps)} from ${tier.minQuantity} units`);

    return [...discount, { type: "tier", label, exact: -percentOf(afterDiscount, tier.bps), ruleId: tier.id }];
  }
  const tierOnly: TStep[] = [{ type: "tier", label, exact: -percentOf(price, tier.bps), ruleId: tier.id }];
  const tierWins = sum(tierOnly) < sum(discount);
  note(context, tier, tierWins ? "applied" : "skipped", tierWins ? "the tier beats the organisation discount (best of)" : "the organisation discount is better (best of)");
  noteDiscounts(context, discount, tierWins ? "skipped" : "applied", tierWins ? `the volume tier ${tier.id} gives a lower price (best of)` : undefined);

  return tierWins ? tierOnly : discount;
}
