import "server-only";
import { defaultModelConfiguration } from "@/lib/configurator/configuration";
import { findCatalogEntry } from "@/server/catalog/load-catalog";
import { getPublishedModel } from "@/server/configurator/get-published-model";
import { logger } from "@/server/logger";
import { priceConfiguredLine } from "@/server/storefront/price-configured-line";

/** How a card's price reads: the only price, the cheapest variant's, or the default configuration's. */
export type TCardPrice = { unitPriceMinor: number; currency: string; basis: "single" | "from" | "default_configuration" };

async function priceCard(organisationId: string, handle: string): Promise<TCardPrice | null> {
  const model = await getPublishedModel(handle);
  if (model) {
    const line = await priceConfiguredLine({ organisationId, productHandle: handle, configuration: defaultModelConfiguration(model.definition), quantity: 1 });

    return { unitPriceMinor: line.result.unitPrice, currency: line.result.currency, basis: "default_configuration" };
  }
  const skus = (await findCatalogEntry(handle))?.variants.map((variant) => variant.sku) ?? [];
  const lines = await Promise.all(skus.map((sku) => priceConfiguredLine({ organisationId, productHandle: handle, configuration: {}, quantity: 1, sku }).catch(() => null)));
  const prices = lines.flatMap((line) => (line ? [line.result] : []));
  if (!prices.length) return null;
  const cheapest = prices.reduce((low, next) => (next.unitPrice < low.unitPrice ? next : low));

  return { unitPriceMinor: cheapest.unitPrice, currency: cheapest.currency, basis: skus.length > 1 ? "from" : "single" };
}

/**
 * The organisation's price for one of each product on a catalogue page. A product that
 * cannot be priced (no published model, no base price) simply shows none. Per
 * organisation, so never cached in anything shared.
 */
export async function priceProductCards(organisationId: string, handles: string[]): Promise<Map<string, TCardPrice>> {
  const entries = await Promise.all(
    handles.map(async (handle) => {
      const price = await priceCard(organisationId, handle).catch((error: unknown) => {
        logger.debug({ handle, err: error }, "no catalogue price for product");

        return null;
      });

      return price ? ([handle, price] as const) : null;
    }),
  );

  return new Map(entries.filter((entry) => entry !== null));
}
