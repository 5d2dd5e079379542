import "server-only";
import { defaultModelConfiguration } from "@/lib/configurator/configuration";
import { isAppError } from "@/lib/errors";
import { skusOf } from "@/server/catalog/load-catalog";
import { loadBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { priceBuyerLine } from "@/server/pricing/price-buyer-line";

/** How a card's price reads: the only price, the cheapest variant's, or the default configuration's. */
export type TCardPrice = {
  unitPriceMinor: number;
  currency: string;
  basis: "single" | "from" | "default_configuration";
};

/**
 * The organisation's price for one of each product on a catalogue page, through the same
 * pipeline as every other price: standard products at their price ("from" the cheapest
 * variant when there are several), configurable ones in their default configuration. What is
 * needed is loaded once for the page. A product that cannot be priced (no published model,
 * no base price) shows none. Per organisation, so never cached in anything shared.
 */
export async function priceProductCards(organisationId: string, handles: string[]): Promise<Map<string, TCardPrice>> {
  const pricing = await loadBuyerPricing({ products: handles });
  const prices = new Map<string, TCardPrice>();
  if (!pricing.ruleSet) return prices;
  const tryPrice = (product: string, configuration: Record<string, unknown>, sku?: string) => {
    try {
      return [priceBuyerLine(pricing, { organisationId, product, configuration, quantity: 1, sku }).result.unitPrice];
    } catch (error) {
      if (isAppError(error) && error.code !== "UPSTREAM_FAILED") return [];
      throw error;
    }
  };

  for (const handle of handles) {
    const product = pricing.catalog.byHandle.get(handle);
    if (!product) continue;
    const model = pricing.models.get(handle);
    const skus = skusOf(product);
    const unitPrices = model
      ? tryPrice(handle, defaultModelConfiguration(model.definition))
      : skus.flatMap((sku) => tryPrice(handle, {}, sku));
    if (!unitPrices.length) continue;
    prices.set(handle, {
      unitPriceMinor: Math.min(...unitPrices),
      currency: pricing.currency,
      basis: model ? "default_configuration" : skus.length > 1 ? "from" : "single",
    });
  }

  return prices;
}
