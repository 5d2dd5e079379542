import "server-only";
import { AppError } from "@/lib/errors";
import { checkConfiguration, resolveSku } from "@/lib/configurator/configuration";
import { quantityBreaks, type TQuantityBreak } from "@/lib/pricing/quantity-breaks";
import type { TConfiguration } from "@/lib/pricing/types";
import { findCatalogEntry } from "@/server/catalog/load-catalog";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import { getPublishedModel } from "@/server/configurator/get-published-model";
import { getLivePricing } from "@/server/pricing/get-live-pricing";
import { quoteWith, type TQuote } from "@/server/pricing/quote-price";

export type TPricedLine = TQuote & {
  productHandle: string;
  productTitle: string;
  sku: string;
  variantId: string;
  configuration: TConfiguration;
  modelVersionId: string | null;
  /** The unit price by quantity range when volume tiers apply (empty otherwise). */
  quantityBreaks: TQuantityBreak[];
};

/**
 * The price an organisation pays for a product, configured or not, at a quantity: the
 * configuration is checked against the product's published model (INVALID_INPUT with
 * the option-level reasons), the SKU resolved, and the line priced with the live rules
 * into a signed quote. Trusts `organisationId`: callers take it from the session.
 */
export async function priceConfiguredLine({ organisationId, productHandle, configuration, quantity, sku: chosenSku }: { organisationId: string; productHandle: string; configuration: Record<string, unknown>; quantity: number; sku?: string }): Promise<TPricedLine> {
  const now = new Date();
  const region = await getStoreRegion();
  // One round of lookups, side by side: this runs on every change a buyer makes.
  const [entry, model, live] = await Promise.all([findCatalogEntry(productHandle), getPublishedModel(productHandle), getLivePricing(region.currency, now)]);
  if (!entry) throw new AppError("NOT_FOUND", "No such product.");
  let checked: TConfiguration = {};
  if (model) {
    const result = checkConfiguration(model.definition, configuration);
    if (!result.ok) throw new AppError("INVALID_INPUT", result.fieldErrors._form?.join(" ") ?? "Please correct the highlighted options.", result.fieldErrors);
    checked = result.configuration;
  } else if (entry.configurable) {
    throw new AppError("INVALID_STATE", "This product cannot be configured yet: its configuration model is not published.");
  } else if (Object.keys(configuration).length) {
    throw new AppError("INVALID_INPUT", "This product has no options.", { _form: ["This product has no options."] });
  }
  const sku = model ? resolveSku(model.definition, checked, entry.variants.map((variant) => variant.sku)) : (chosenSku ?? (entry.variants.length === 1 ? entry.variants[0]!.sku : null));
  const variant = entry.variants.find((item) => item.sku === sku);
  if (!model && !variant) throw new AppError("INVALID_INPUT", sku ? `${entry.title} has no variant ${sku}.` : `Choose a variant of ${entry.title}.`, { sku: [sku ? "No such variant." : "Choose a variant."] });
  if (!sku || !variant) throw new AppError("INVALID_STATE", "This configuration does not match a variant of the product.");
  const request = { currency: region.currency, sku, product: entry.handle, categories: entry.categories, configuration: checked, organisationId };
  const quote = quoteWith(live, { ...request, quantity }, now);
  const breaks = live ? quantityBreaks(live, { ...request, at: now }) : [];

  return { ...quote, productHandle: entry.handle, productTitle: entry.title, sku, variantId: variant.id, configuration: checked, modelVersionId: model?.versionId ?? null, quantityBreaks: breaks };
}
