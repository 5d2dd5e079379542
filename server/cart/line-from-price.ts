import "server-only";
import type { TLineMetadata } from "@/lib/cart/line-metadata";
import { summariseConfiguration } from "@/lib/configurator/configuration";
import { configurationHash } from "@/lib/pricing/quote";
import { getPublishedModel } from "@/server/configurator/get-published-model";
import type { TPricedLine } from "@/server/storefront/price-configured-line";

/** The Medusa line (quantity, price, metadata) for a priced line. */
export async function lineFromPrice(priced: TPricedLine, organisationId: string, previousUnitPriceMinor: number | null = null) {
  const model = priced.modelVersionId ? await getPublishedModel(priced.productHandle) : null;
  const metadata: TLineMetadata = {
    product: priced.productHandle,
    sku: priced.sku,
    configuration: priced.configuration,
    configuration_hash: configurationHash(priced.sku, priced.configuration),
    summary: model ? summariseConfiguration(model.definition, priced.configuration) : "",
    model_version_id: priced.modelVersionId,
    rule_set_version_id: priced.result.versionId,
    organisation_id: organisationId,
    unit_price_minor: priced.result.unitPrice,
    breakdown: priced.result.breakdown,
    quote_token: priced.token,
    quote_expires_at: priced.expiresAt.toISOString(),
    previous_unit_price_minor: previousUnitPriceMinor,
  };

  return { quantity: priced.result.quantity, unitPriceMinor: priced.result.unitPrice, currency: priced.result.currency, metadata: { tradepost: metadata } };
}
