// A price change under a buyer's cart, for the tests of what the cart and checkout make of it:
// the live EUR price list published again with some rules changed, as a data manager's publish
// would leave it (without its maker–checker steps).
import type { PrismaClient } from "../../generated/prisma/client";

export type TPriceRuleJson = { kind: string; id?: string; sku?: string; amount?: number };

/**
 * Publishes a copy of the live EUR price list with `change` applied to its rules, effective now.
 * Returns the rules it replaced: `publishLivePriceListCopy(db, () => replaced)` puts them back.
 */
export async function publishLivePriceListCopy(
  db: PrismaClient,
  change: (rules: TPriceRuleJson[]) => TPriceRuleJson[],
  note?: string,
): Promise<TPriceRuleJson[]> {
  const live = await db.pricingRuleSetVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", ruleSet: { currency: "EUR" } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
  });
  const last = await db.pricingRuleSetVersion.aggregate({
    where: { ruleSetId: live.ruleSetId },
    _max: { number: true },
  });
  const now = new Date();
  await db.pricingRuleSetVersion.create({
    data: {
      ruleSetId: live.ruleSetId,
      number: (last._max.number ?? 0) + 1,
      status: "PUBLISHED",
      rules: change(structuredClone(live.rules) as TPriceRuleJson[]),
      policy: live.policy as object,
      note,
      publishedAt: now,
      effectiveFrom: now,
    },
  });

  return live.rules as TPriceRuleJson[];
}

/** `change` for one standard SKU's base price. */
export const withBasePrice =
  (sku: string, amount: number) =>
  (rules: TPriceRuleJson[]): TPriceRuleJson[] =>
    rules.map((rule) => (rule.kind === "base_price" && rule.sku === sku ? { ...rule, amount } : rule));
