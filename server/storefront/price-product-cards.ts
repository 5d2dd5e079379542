import "server-only";
import { defaultModelConfiguration, resolveSku } from "@/lib/configurator/configuration";
import { priceLine } from "@/lib/pricing/evaluate";
import type { TConfiguration } from "@/lib/pricing/types";
import { loadCatalog } from "@/server/catalog/load-catalog";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import { findPublishedModelDefinitions } from "@/server/configurator/get-published-model";
import { getLivePricing } from "@/server/pricing/get-live-pricing";

/** How a card's price reads: the only price, the cheapest variant's, or the default configuration's. */
export type TCardPrice = { unitPriceMinor: number; currency: string; basis: "single" | "from" | "default_configuration" };

/**
 * The organisation's price for one of each product on a catalogue page: standard products
 * at their price ("from" the cheapest variant when there are several), configurable ones
 * in their default configuration. Display only — adding to the cart prices again with a
 * signed quote — so everything is loaded once for the page and priced without a trace.
 * A product that cannot be priced (no published model, no base price) shows none. Per
 * organisation, so never cached in anything shared.
 */
export async function priceProductCards(organisationId: string, handles: string[]): Promise<Map<string, TCardPrice>> {
  const at = new Date();
  const region = await getStoreRegion();
  const [catalog, models, live] = await Promise.all([loadCatalog(), findPublishedModelDefinitions(), getLivePricing(region.currency, at)]);
  const prices = new Map<string, TCardPrice>();
  if (!live) return prices;

  for (const handle of handles) {
    const entry = catalog.find((item) => item.handle === handle);
    if (!entry) continue;
    const model = models.get(handle);
    const configuration: TConfiguration = model ? defaultModelConfiguration(model) : {};
    const skus = model ? [resolveSku(model, configuration, entry.variants.map((variant) => variant.sku))].filter((sku) => sku !== null) : entry.variants.map((variant) => variant.sku);
    if (entry.configurable && !model) continue;
    const unitPrices = skus.flatMap((sku) => {
      const result = priceLine(live, { sku, product: handle, categories: entry.categories, configuration, organisationId, quantity: 1, at }, { explain: false });

      return result.ok ? [result.unitPrice] : [];
    });
    if (!unitPrices.length) continue;
    prices.set(handle, { unitPriceMinor: Math.min(...unitPrices), currency: live.currency, basis: model ? "default_configuration" : skus.length > 1 ? "from" : "single" });
  }

  return prices;
}
