import "server-only";
import type { TLineMetadata } from "@/lib/cart/line-metadata";
import type { TPricedLine } from "@/server/pricing/price-buyer-line";

/** The Medusa cart line (quantity, the server's unit price, metadata) for a priced line. */
export function toMedusaLine(
  priced: TPricedLine,
  organisationId: string,
  previousUnitPriceMinor: number | null = null,
) {
  const metadata: TLineMetadata = {
    product: priced.productHandle,
    sku: priced.sku,
    configuration: priced.configuration,
    configuration_hash: priced.configurationHash,
    summary: priced.summary,
    model_version_id: priced.modelVersionId,
    rule_set_version_id: priced.result.versionId,
    organisation_id: organisationId,
    breakdown: priced.result.breakdown,
    quote_token: priced.token,
    quote_expires_at: priced.expiresAt.toISOString(),
    previous_unit_price_minor: previousUnitPriceMinor,
  };

  return {
    quantity: priced.result.quantity,
    unitPriceMinor: priced.result.unitPrice,
    currency: priced.result.currency,
    metadata: { tradepost: metadata },
  };
}
