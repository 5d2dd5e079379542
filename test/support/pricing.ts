// Building rule sets for integration tests: base prices for every SKU of the real
// (Medusa) catalogue, so that drafts pass the conflict checks unless a test breaks them.
import { ZPricingRule, type TPricingRule } from "@/lib/pricing/rules";
import { loadPricingCatalog } from "@/server/pricing/load-catalog-facts";

export const rule = (input: Record<string, unknown>): TPricingRule => ZPricingRule.parse(input);

/** Base prices for every catalogue SKU: 100.00, 101.00, … in catalogue order. */
export async function catalogueBasePrices(): Promise<TPricingRule[]> {
  const { facts, catalogueAvailable } = await loadPricingCatalog();
  if (!catalogueAvailable || !facts.products.length)
    throw new Error("These tests need the Medusa test backend (MEDUSA_URL) with the demo catalogue.");

  return facts.products
    .flatMap((product) => product.skus)
    .map((sku, index) =>
      rule({ id: `BP-${String(index + 1).padStart(3, "0")}`, kind: "base_price", sku, amount: 10_000 + index * 100 }),
    );
}

let currencies = 0;

/** A currency code no other test in this file's database uses (a rule set per currency). */
export function testCurrency(): string {
  const n = currencies++;

  return `X${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(65 + (n % 26))}`;
}
