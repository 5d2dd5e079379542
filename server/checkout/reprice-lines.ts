import "server-only";
import { createHash } from "node:crypto";
import { readLineMetadata, type TLineMetadata } from "@/lib/cart/line-metadata";
import { priceChangeReasons, type TPriceChange } from "@/lib/checkout/price-changes";
import { isAppError } from "@/lib/errors";
import type { TBreakdownLine } from "@/lib/pricing/types";
import { fromMedusaAmount } from "@/server/medusa/carts";
import type { TMedusaCartLine } from "@/server/medusa/types";
import { loadBuyerPricing, type TBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { priceBuyerLine } from "@/server/pricing/price-buyer-line";
import { checkQuote } from "@/server/pricing/quote-price";

// Every line priced again now through the one priced-line pipeline. What Medusa holds on a line
// (metadata, unit price) only says WHAT was ordered and what the buyer agreed to; the price to
// charge always comes from the pipeline. A line whose signed quote does not match it was changed
// outside Tradepost and is refused.

export type TRepricedLine = {
  lineId: string;
  position: number;
  productHandle: string;
  title: string;
  sku: string;
  variantId: string | null;
  summary: string;
  configurable: boolean;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  configuration: Record<string, unknown> | null;
  breakdown: TBreakdownLine[];
  pricingVersionId: string;
  configuratorVersionId: string | null;
  quoteId: string;
  categoryHandles: string[];
  /** Per unit, Odoo's weight of the variant (catalogue import → Medusa); 0 when it has none. */
  weightKg: number;
  /** What the Medusa line carries from now on (metadata.tradepost). */
  metadata: TLineMetadata;
};

export type TLineRefusal = { lineId: string | null; title: string | null; reason: string };

const TAMPERED = "This line was changed outside Tradepost; remove it and add it to the cart again.";
const NOT_FOR_YOU = "This line was not priced for your organisation; remove it.";

export const quoteIdOf = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 32);

export async function repriceLines(
  items: readonly TMedusaCartLine[],
  {
    organisationId,
    currency,
    agreedPrices,
    pricing: loaded,
  }: {
    organisationId: string;
    currency: string;
    /** Prices the buyer agreed to per line (an approval request's locked prices); else read from the line. */
    agreedPrices?: ReadonlyMap<string, number>;
    /** Loaded already (checkout's context); else loaded here for the cart's products. */
    pricing?: TBuyerPricing;
  },
): Promise<{ lines: TRepricedLine[]; refusals: TLineRefusal[]; changes: TPriceChange[] }> {
  const metas = items.map((item) => readLineMetadata(item.metadata));
  const pricing =
    loaded ?? (await loadBuyerPricing({ products: [...new Set(metas.flatMap((meta) => meta?.product ?? []))] }));
  const lines: TRepricedLine[] = [];
  const refusals: TLineRefusal[] = [];
  const changes: TPriceChange[] = [];
  items.forEach((item, index) => {
    const meta = metas[index];
    const title = item.product_title ?? meta?.product ?? "A line";
    if (!meta || meta.organisation_id !== organisationId) {
      refusals.push({ lineId: item.id, title, reason: meta ? NOT_FOR_YOU : TAMPERED });
      return;
    }
    const stored = fromMedusaAmount(item.unit_price, currency);
    const quote = checkQuote(meta.quote_token, {
      sku: meta.sku,
      configurationHash: meta.configuration_hash,
      organisationId,
      quantity: item.quantity,
      currency,
    });
    if (!quote.ok && quote.reason !== "EXPIRED") {
      refusals.push({ lineId: item.id, title, reason: TAMPERED });
      return;
    }
    let priced;
    try {
      priced = priceBuyerLine(pricing, {
        organisationId,
        product: meta.product,
        configuration: meta.configuration,
        quantity: item.quantity,
        sku: meta.sku,
      });
    } catch (error) {
      if (!isAppError(error) || !["INVALID_INPUT", "INVALID_STATE", "NOT_FOUND"].includes(error.code)) throw error;
      const reason = error.code === "NOT_FOUND" ? "This product is not available to your organisation." : error.message;
      refusals.push({ lineId: item.id, title, reason });
      return;
    }
    if (priced.configurationHash !== meta.configuration_hash || priced.sku !== meta.sku) {
      refusals.push({ lineId: item.id, title, reason: TAMPERED });
      return;
    }
    const agreed =
      agreedPrices?.get(item.id) ?? meta.previous_unit_price_minor ?? (quote.ok ? quote.payload.unit : stored);
    const now = priced.result.unitPrice;
    if (agreed !== now) {
      changes.push({
        lineId: item.id,
        title: priced.productTitle,
        summary: priced.summary,
        quantity: item.quantity,
        fromMinor: agreed,
        toMinor: now,
        reasons: priceChangeReasons({
          oldVersionId: meta.rule_set_version_id,
          newVersionId: priced.result.versionId,
          oldModelVersionId: meta.model_version_id,
          newModelVersionId: priced.modelVersionId,
          quoteExpired: !quote.ok,
          oldTierLabel: meta.breakdown.find((step) => step.type === "tier")?.label ?? null,
          newTierLabel: priced.result.breakdown.find((step) => step.type === "tier")?.label ?? null,
        }),
      });
    }
    const product = pricing.catalog.byHandle.get(priced.productHandle);
    lines.push({
      lineId: item.id,
      position: index + 1,
      productHandle: priced.productHandle,
      title: priced.productTitle,
      sku: priced.sku,
      variantId: priced.variantId,
      summary: priced.summary,
      configurable: product?.isConfigurable ?? false,
      quantity: item.quantity,
      unitPriceMinor: now,
      lineTotalMinor: priced.result.lineTotal,
      configuration: Object.keys(priced.configuration).length ? priced.configuration : null,
      breakdown: priced.result.breakdown,
      pricingVersionId: priced.result.versionId,
      configuratorVersionId: priced.modelVersionId,
      quoteId: quoteIdOf(priced.token),
      categoryHandles: product?.categories.map((category) => category.handle) ?? [],
      weightKg: product?.variants.find((variant) => variant.sku === priced.sku)?.weightKg ?? 0,
      metadata: {
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
        previous_unit_price_minor: null,
      },
    });
  });

  return { lines, refusals, changes };
}
