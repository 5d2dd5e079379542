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
import type { TCompiled, TCompiledRuleSet } from "@/lib/pricing/compile";
import { discountsFor, discountSteps } from "@/lib/pricing/discounts";
import {
  firstValid,
  formatBps,
  note,
  sum,
  validOrNote,
  type TContext,
  type TStep,
} from "@/lib/pricing/evaluation-steps";
import { fromMinor, percentOf, roundToMinor, type TExact } from "@/lib/pricing/money";
import type { TContractPriceRule, TSurchargeRule, TTierRule } from "@/lib/pricing/rules";
import type { TBreakdownLine, TConfiguration, TPriceRequest, TPriceResult, TTraceEntry } from "@/lib/pricing/types";

export { formatBps };

const specificity = (tier: TTierRule) => (tier.organisationId ? 2 : 0) + (tier.product ? 1 : 0);

/** True when `a` should win over `b`: the most specific tier, then priority, then the higher break. */
function tierBeats(a: TTierRule, b: TTierRule): boolean {
  const bySpecificity = specificity(a) - specificity(b);
  if (bySpecificity) return bySpecificity > 0;

  return a.priority !== b.priority ? a.priority > b.priority : a.minQuantity > b.minQuantity;
}

function pickTier(compiled: TCompiledRuleSet, context: TContext): TTierRule | null {
  const { request } = context;
  const lists = [
    compiled.tiersByProduct.get(request.product),
    compiled.tiersByOrg.get(request.organisationId),
    compiled.globalTiers,
  ];
  let best: TTierRule | null = null;
  const eligible: TTierRule[] | null = context.trace ? [] : null;
  for (const list of lists) {
    if (!list) continue;
    for (const candidate of list) {
      const tier = candidate.rule;
      if (tier.organisationId && tier.organisationId !== request.organisationId) continue;
      if (!validOrNote(context, candidate)) continue;
      if (request.quantity < tier.minQuantity || (tier.maxQuantity !== null && request.quantity > tier.maxQuantity)) {
        if (context.trace)
          note(
            context,
            tier,
            "skipped",
            `quantity ${request.quantity} is outside ${tier.minQuantity}–${tier.maxQuantity ?? "∞"}`,
          );
        continue;
      }
      eligible?.push(tier);
      if (!best || tierBeats(tier, best)) best = tier;
    }
  }
  for (const other of eligible ?? [])
    if (other !== best)
      note(context, other, "skipped", `a more specific or higher-priority tier applies (${best!.id})`);

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

    return {
      type: "surcharge",
      label: rule.note || `${rule.option} ${chosen}: ${units} × ${rule.step} above ${rule.from}`,
      exact: compiled.exact * BigInt(units),
      ruleId: rule.id,
    };
  }
  if (!optionMatches(context.request.configuration, rule)) {
    if (context.trace) note(context, rule, "skipped", `option ${rule.option} is not ${rule.value ?? "chosen"}`);

    return null;
  }
  if (context.trace)
    note(
      context,
      rule,
      "applied",
      rule.mode === "fixed" ? "fixed surcharge" : `${formatBps(rule.bps)} of the base price`,
    );
  const what = rule.value ? `${rule.option} = ${rule.value}` : rule.option;

  return {
    type: "surcharge",
    label: rule.note || (rule.mode === "fixed" ? `Option ${what}` : `Option ${what} (${formatBps(rule.bps)} of base)`),
    exact: rule.mode === "fixed" ? compiled.exact : percentOf(base, rule.bps),
    ruleId: rule.id,
  };
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

    return step.ruleId
      ? { type: step.type, label: step.label, amountMinor, ruleId: step.ruleId }
      : { type: step.type, label: step.label, amountMinor };
  });
  if (shown !== unitPrice)
    lines.push({ type: "rounding", label: "Rounding to the cent", amountMinor: unitPrice - shown });

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
export function priceLine(
  compiled: TCompiledRuleSet,
  request: TPriceRequest,
  { explain = true }: { explain?: boolean } = {},
): TPriceResult {
  const context: TContext = { request, at: request.at.getTime(), trace: explain ? [] : null };
  if (!Number.isInteger(request.quantity) || request.quantity < 1) {
    return {
      ok: false,
      versionId: compiled.versionId,
      code: "INVALID_QUANTITY",
      message: "The quantity must be a whole number of at least 1.",
      trace: [],
    };
  }
  const tier = pickTier(compiled, context);
  const base = firstValid(
    compiled.baseBySku.get(request.sku),
    context,
    (winner) => `a higher-priority base price applies (${winner.id})`,
  );
  if (!base && tier?.mode !== "unit_price") {
    return {
      ok: false,
      versionId: compiled.versionId,
      code: "NO_BASE_PRICE",
      message: `No price for ${request.sku} in ${compiled.currency} on ${request.at.toISOString().slice(0, 10)}.`,
      trace: context.trace ?? [],
    };
  }

  const steps: TStep[] = [];
  if (tier?.mode === "unit_price") {
    if (base) note(context, base.rule, "skipped", `replaced by the tier price ${tier.id}`);
    steps.push({
      type: "tier_price",
      label: tier.note || `Volume price from ${tier.minQuantity} units`,
      exact: fromMinor(tier.amount),
      ruleId: tier.id,
    });
    note(context, tier, "applied", `unit price from ${tier.minQuantity} units`);
  } else {
    steps.push({
      type: "base",
      label: base!.rule.note || `Base price ${request.sku}`,
      exact: base!.exact,
      ruleId: base!.rule.id,
    });
    note(context, base!.rule, "applied", "base price");
  }
  const basePrice = steps[0]!.exact;
  for (const surcharge of compiled.surchargesByProduct.get(request.product) ?? []) {
    if (!validOrNote(context, surcharge)) continue;
    const step = surchargeStep(surcharge, basePrice, context);
    if (step) steps.push(step);
  }

  const contract = firstValid<TContractPriceRule>(
    compiled.contractsByOrg.get(request.organisationId)?.get(request.sku),
    context,
    (winner) => `a higher-priority contract price applies (${winner.id})`,
  );
  if (contract) {
    steps.push({
      type: "contract",
      label: contract.rule.note || "Contract price",
      exact: contract.exact - sum(steps),
      ruleId: contract.rule.id,
    });
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
  if (context.trace)
    for (const step of steps) if (step.rule) note(context, step.rule, outcome, reason ?? step.reason ?? "");

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
  note(
    context,
    tier,
    tierWins ? "applied" : "skipped",
    tierWins ? "the tier beats the organisation discount (best of)" : "the organisation discount is better (best of)",
  );
  noteDiscounts(
    context,
    discount,
    tierWins ? "skipped" : "applied",
    tierWins ? `the volume tier ${tier.id} gives a lower price (best of)` : undefined,
  );

  return tierWins ? tierOnly : discount;
}
