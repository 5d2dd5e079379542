import { isValidAt, type TCompiledRuleSet } from "@/lib/pricing/compile";
import { priceLine } from "@/lib/pricing/evaluate";
import type { TPriceRequest } from "@/lib/pricing/types";

/** A quantity range with one unit price: from `from` to `to` (inclusive; null = and up). */
export type TQuantityBreak = { from: number; to: number | null; unitPrice: number };

const MAX_BREAKS = 12;

/**
 * The unit price of this line at every quantity, as ranges ("1–9: €98.00, 10–49: €93.10,
 * 50+: …") for the buyer's volume-pricing table. The unit price only changes where a tier
 * that could apply to this line starts or ends, so the line is priced at those quantities
 * alone (a few microseconds each). Empty when the price never changes with quantity.
 */
export function quantityBreaks(compiled: TCompiledRuleSet, request: Omit<TPriceRequest, "quantity">): TQuantityBreak[] {
  const at = request.at.getTime();
  const tiers = [
    compiled.tiersByProduct.get(request.product),
    compiled.tiersByOrg.get(request.organisationId),
    compiled.globalTiers,
  ]
    .flatMap((list) => list ?? [])
    .filter(
      (tier) =>
        isValidAt(tier, at) && (!tier.rule.organisationId || tier.rule.organisationId === request.organisationId),
    );
  const starts = new Set([1]);
  for (const { rule } of tiers) {
    starts.add(rule.minQuantity);
    if (rule.maxQuantity !== null) starts.add(rule.maxQuantity + 1);
  }

  const breaks: TQuantityBreak[] = [];
  for (const from of [...starts].sort((a, b) => a - b)) {
    const result = priceLine(compiled, { ...request, quantity: from }, { explain: false });
    if (!result.ok) return [];
    const previous = breaks.at(-1);
    if (previous?.unitPrice === result.unitPrice) continue;
    if (previous) previous.to = from - 1;
    breaks.push({ from, to: null, unitPrice: result.unitPrice });
  }

  return breaks.length > 1 ? breaks.slice(0, MAX_BREAKS) : [];
}
