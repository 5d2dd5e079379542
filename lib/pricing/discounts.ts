// Step 4 of a price: the organisation discounts that apply to the line, combined per the
// rule set's policy (best, first-match, additive, compound); an exclusive one stands alone.
import type { TCompiledRuleSet } from "@/lib/pricing/compile";
import { percentOf, type TExact } from "@/lib/pricing/money";
import type { TOrgDiscountRule } from "@/lib/pricing/rules";
import { formatBps, note, validOrNote, type TContext, type TStep } from "@/lib/pricing/evaluation-steps";

export function discountsFor(compiled: TCompiledRuleSet, context: TContext): TOrgDiscountRule[] {
  const { request } = context;
  const found: TOrgDiscountRule[] = [];
  for (const candidate of compiled.discountsByOrg.get(request.organisationId) ?? []) {
    if (!validOrNote(context, candidate)) continue;
    const rule = candidate.rule;
    const scope = rule.scope;
    const inScope =
      scope.type === "all" ||
      (scope.type === "product" ? scope.product === request.product : request.categories.includes(scope.category));
    if (inScope) found.push(rule);
    else if (context.trace)
      note(
        context,
        rule,
        "skipped",
        `not for this product (${scope.type === "product" ? scope.product : scope.type === "category" ? `category ${scope.category}` : "all"})`,
      );
  }

  return found;
}

type TDiscountOption = { rules: TOrgDiscountRule[]; steps: TStep[]; total: TExact; how: string };

/** The rules a policy combines, in the order it applies them. */
function chosenByPolicy(
  rules: TOrgDiscountRule[],
  policy: TCompiledRuleSet["policy"]["discounts"],
): TOrgDiscountRule[] {
  if (policy === "best") {
    let best = rules[0]!;
    for (const rule of rules)
      if (rule.bps > best.bps || (rule.bps === best.bps && rule.priority > best.priority)) best = rule;

    return [best];
  }
  const byPriority = rules.length > 1 ? [...rules].sort((a, b) => b.priority - a.priority || b.bps - a.bps) : rules;

  return policy === "first_match" ? [byPriority[0]!] : byPriority;
}

/** The non-exclusive discounts combined per the policy. */
function combine(
  rules: TOrgDiscountRule[],
  policy: TCompiledRuleSet["policy"]["discounts"],
  price: TExact,
  how = policy.replace("_", "-"),
): TDiscountOption {
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

    return {
      type: "discount",
      label: rule.note || `Organisation discount ${formatBps(bps)}`,
      exact: -amount,
      ruleId: rule.id,
      reason: `${formatBps(bps)} (${policy.replace("_", "-")})`,
      rule,
    };
  });

  return { rules: chosen, steps, total, how };
}

/**
 * The discount steps on `price`. An exclusive discount never combines with others: the
 * buyer gets it alone or the others combined, whichever is lower; so adding a discount
 * never raises a price (except under first-match, where priority decides by design).
 */
export function discountSteps(compiled: TCompiledRuleSet, context: TContext, price: TExact): TStep[] {
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
      note(
        context,
        rule,
        "skipped",
        winner.how === "exclusive"
          ? `the exclusive discount ${winner.rules[0]!.id} is better on its own`
          : rule.exclusive
            ? "the combined discounts are better than this exclusive one"
            : `another discount applies (${winner.how})`,
      );
    }
  }

  return winner.how === "exclusive"
    ? winner.steps.map((step) => ({ ...step, reason: `${step.reason} – exclusive, alone` }))
    : winner.steps;
}
