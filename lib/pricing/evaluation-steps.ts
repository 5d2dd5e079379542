// The pieces every pricing step shares: a step of the breakdown, the evaluation context
// with its optional trace, and the helpers that note why a rule applied or not.
import { isValidAt, type TCompiled } from "@/lib/pricing/compile";
import type { TExact } from "@/lib/pricing/money";
import type { TPricingRule } from "@/lib/pricing/rules";
import type { TBreakdownLine, TPriceRequest, TTraceEntry } from "@/lib/pricing/types";

export type TStep = {
  type: TBreakdownLine["type"];
  label: string;
  exact: TExact;
  ruleId?: string;
  reason?: string;
  rule?: TPricingRule;
};
export type TContext = { request: TPriceRequest; at: number; trace: TTraceEntry[] | null };

/** 1250 → "12.5 %". Hand-made rather than Intl: it runs on every priced line, and Intl is slow. */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = Math.abs(bps % 100);

  return `${whole}${fraction ? `.${String(fraction).padStart(2, "0").replace(/0$/, "")}` : ""} %`;
}

export function note(context: TContext, rule: TPricingRule, outcome: TTraceEntry["outcome"], reason: string): void {
  context.trace?.push({ ruleId: rule.id, kind: rule.kind, outcome, reason });
}

export function validOrNote(context: TContext, compiled: TCompiled<TPricingRule>): boolean {
  if (isValidAt(compiled, context.at)) return true;
  if (context.trace) {
    const { rule } = compiled;
    note(
      context,
      rule,
      "skipped",
      compiled.fromMs > context.at
        ? `not valid yet (from ${rule.validFrom})`
        : `no longer valid (until ${rule.validTo})`,
    );
  }

  return false;
}

/** The first valid rule of a precedence-sorted list; the others valid at the same time are noted as overruled. */
export function firstValid<R extends TPricingRule>(
  list: TCompiled<R>[] | undefined,
  context: TContext,
  overruled: (winner: R) => string,
): TCompiled<R> | null {
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

export function sum(steps: TStep[]): TExact {
  let total = 0n;
  for (const step of steps) total += step.exact;

  return total;
}
