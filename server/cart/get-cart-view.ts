import "server-only";
import { isAppError } from "@/lib/errors";
import { readLineMetadata, type TLineMetadata } from "@/lib/cart/line-metadata";
import type { TBreakdownLine } from "@/lib/pricing/types";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { findBuyerCart } from "@/server/cart/get-buyer-cart";
import { lineFromPrice } from "@/server/cart/line-from-price";
import { fromMedusaAmount, updateMedusaCartLine } from "@/server/medusa/carts";
import type { TMedusaCartLine } from "@/server/medusa/types";
import { checkQuote } from "@/server/pricing/quote-price";
import { priceConfiguredLine } from "@/server/storefront/price-configured-line";

export type TCartNotice = { kind: "repriced"; from: number; to: number } | { kind: "renewed" } | { kind: "unavailable"; message: string };

export type TCartLineView = {
  id: string;
  productTitle: string;
  productHandle: string;
  sku: string;
  summary: string;
  thumbnail: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  breakdown: TBreakdownLine[];
  notice: TCartNotice | null;
};

export type TCartView = { cartId: string; currency: string; lines: TCartLineView[]; subtotal: number; blocked: boolean };

/**
 * Re-checks one line against today's model and rules. A line whose price changed is
 * re-priced in Medusa and keeps the old price to show the difference; an expired quote
 * is renewed; a configuration the model no longer allows is flagged, not changed.
 */
async function refreshLine(cartId: string, currency: string, organisationId: string, item: TMedusaCartLine, meta: TLineMetadata): Promise<TCartLineView> {
  const base = { id: item.id, productTitle: item.product_title ?? meta.product, productHandle: meta.product, sku: meta.sku, summary: meta.summary, thumbnail: item.thumbnail ?? null, quantity: item.quantity };
  const current = fromMedusaAmount(item.unit_price, currency);
  const view = (unitPrice: number, breakdown: TBreakdownLine[], notice: TCartNotice | null): TCartLineView => ({ ...base, unitPrice, lineTotal: unitPrice * item.quantity, breakdown, notice });
  let priced;
  try {
    priced = await priceConfiguredLine({ organisationId, productHandle: meta.product, configuration: meta.configuration, quantity: item.quantity, sku: meta.sku });
  } catch (error) {
    if (isAppError(error) && ["INVALID_INPUT", "INVALID_STATE", "NOT_FOUND"].includes(error.code)) return view(current, meta.breakdown, { kind: "unavailable", message: error.message });
    throw error;
  }
  const quote = checkQuote(meta.quote_token, { currency, sku: meta.sku, product: meta.product, categories: [], configuration: meta.configuration, organisationId, quantity: item.quantity });
  if (priced.result.unitPrice !== current) {
    await updateMedusaCartLine(cartId, item.id, await lineFromPrice(priced, organisationId, meta.previous_unit_price_minor ?? current));
    const from = meta.previous_unit_price_minor ?? current;

    return view(priced.result.unitPrice, priced.result.breakdown, from === priced.result.unitPrice ? null : { kind: "repriced", from, to: priced.result.unitPrice });
  }
  if (!quote.ok) await updateMedusaCartLine(cartId, item.id, await lineFromPrice(priced, organisationId, meta.previous_unit_price_minor));
  const notice: TCartNotice | null =
    meta.previous_unit_price_minor !== null && meta.previous_unit_price_minor !== current ? { kind: "repriced", from: meta.previous_unit_price_minor, to: current } : !quote.ok ? { kind: "renewed" } : null;

  return view(current, priced.result.breakdown, notice);
}

/** The buyer's cart, every line re-checked and re-priced as needed; null when there is none. */
export async function getCartView(user: TSessionUser): Promise<TCartView | null> {
  const found = await findBuyerCart(user);
  if (!found) return null;
  const organisationId = organisationIdOf(user);
  const lines = await Promise.all(
    (found.cart.items ?? []).map((item) => {
      const meta = readLineMetadata(item.metadata);
      if (!meta || meta.organisation_id !== organisationId) {
        const unitPrice = fromMedusaAmount(item.unit_price, found.currency);

        return { id: item.id, productTitle: item.product_title ?? "Unknown item", productHandle: item.product_handle ?? "", sku: item.variant_sku ?? "", summary: "", thumbnail: null, quantity: item.quantity, unitPrice, lineTotal: unitPrice * item.quantity, breakdown: [], notice: { kind: "unavailable", message: "This line was not priced for your organisation; remove it." } } satisfies TCartLineView;
      }

      return refreshLine(found.medusaCartId, found.currency, organisationId, item, meta);
    }),
  );

  return { cartId: found.medusaCartId, currency: found.currency, lines, subtotal: lines.reduce((sum, line) => sum + line.lineTotal, 0), blocked: lines.some((line) => line.notice?.kind === "unavailable") };
}
