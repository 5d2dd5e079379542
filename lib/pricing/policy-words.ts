import type { TPricingPolicy } from "@/lib/pricing/rules";

// The stacking policy in the words the editor shows: a data manager should never have to
// guess how two discounts combine.

const DISCOUNTS: Record<TPricingPolicy["discounts"], string> = {
  best: "When several organisation discounts apply, the buyer gets the single largest one.",
  additive:
    "When several organisation discounts apply, their percentages are added up (at most 100 %) and taken off the price once.",
  compound:
    "When several organisation discounts apply, each is taken off what the previous one left, highest priority first.",
  first_match: "When several organisation discounts apply, only the one with the highest priority counts.",
};

const TIERS: Record<TPricingPolicy["tiers"], string> = {
  stack: "A volume-tier percentage comes on top of the organisation discount.",
  best_of:
    "A volume-tier percentage and the organisation discount do not combine: the buyer gets whichever gives the lower price.",
};

export const POLICY_CHOICES = {
  discounts: [
    { value: "best", label: "Best discount wins" },
    { value: "additive", label: "Add discounts up" },
    { value: "compound", label: "Compound by priority" },
    { value: "first_match", label: "First match by priority" },
  ],
  tiers: [
    { value: "stack", label: "Stack tier on discount" },
    { value: "best_of", label: "Best of tier or discount" },
  ],
} as const;

/** The policy as sentences, always including the rules that do not depend on it. */
export function describePolicy(policy: TPricingPolicy): string[] {
  return [
    "A price starts from the SKU's base price (or a volume tier's unit price), plus the option surcharges.",
    "A contract price for the organisation and SKU replaces that price, and no discount applies on top of it.",
    DISCOUNTS[policy.discounts],
    "An exclusive discount never combines with others: it applies alone when that gives the lower price.",
    TIERS[policy.tiers],
    "Among rules of the same kind, the higher priority wins; at equal priority, the one that started later.",
    "The unit price is rounded half up to the cent once, at the end; the line total is the unit price times the quantity.",
  ];
}
