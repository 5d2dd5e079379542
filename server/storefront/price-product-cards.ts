import "server-only";
import { defaultModelConfiguration } from "@/lib/configurator/configuration";
import { getPublishedModel } from "@/server/configurator/get-published-model";
import { logger } from "@/server/logger";
import { priceConfiguredLine } from "@/server/storefront/price-configured-line";

export type TCardPrice = { unitPriceMinor: number; currency: string; isDefaultConfiguration: boolean };

/**
 * The organisation's price for one of each product on a catalogue page: standard products
 * at their price, configurable ones in their default configuration. A product that cannot
 * be priced (no published model or rule) simply shows no price. Per organisation, so never
 * cached in anything shared.
 */
export async function priceProductCards(organisationId: string, handles: string[]): Promise<Map<string, TCardPrice>> {
  const entries = await Promise.all(
    handles.map(async (handle): Promise<[string, TCardPrice] | null> => {
      try {
        const model = await getPublishedModel(handle);
        const configuration = model ? defaultModelConfiguration(model.definition) : {};
        const line = await priceConfiguredLine({ organisationId, productHandle: handle, configuration, quantity: 1 });

        return [handle, { unitPriceMinor: line.result.unitPrice, currency: line.result.currency, isDefaultConfiguration: model !== null }];
      } catch (error) {
        logger.debug({ handle, err: error }, "no catalogue price for product");

        return null;
      }
    }),
  );

  return new Map(entries.filter((entry) => entry !== null));
}
