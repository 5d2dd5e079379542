import "server-only";
import { AppError } from "@/lib/errors";
import { readLineMetadata } from "@/lib/cart/line-metadata";
import { configurationHash } from "@/lib/pricing/quote";
import { formatMoney } from "@/lib/pricing/units";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { getOrCreateBuyerCart } from "@/server/cart/get-buyer-cart";
import { lineFromPrice } from "@/server/cart/line-from-price";
import { addMedusaCartLine, updateMedusaCartLine } from "@/server/medusa/carts";
import { checkQuote } from "@/server/pricing/quote-price";
import { priceConfiguredLine } from "@/server/storefront/price-configured-line";

export type TAddToCartInput = { product: string; configuration: Record<string, unknown>; quantity: number; quoteToken?: string; sku?: string };

/**
 * Puts a configured product in the buyer's Medusa cart at the price the server decides now.
 * The quote the buyer saw is checked: an altered or foreign one is refused; if the price
 * moved since, CONFLICT tells both prices and nothing is added. The same configuration
 * already in the cart gets its quantity raised (and is re-priced for it).
 */
export async function addToCart(user: TSessionUser, input: TAddToCartInput): Promise<{ lineId: string; quantity: number; unitPrice: number; currency: string }> {
  const organisationId = organisationIdOf(user);
  const priced = await priceConfiguredLine({ organisationId, productHandle: input.product, configuration: input.configuration, quantity: input.quantity, sku: input.sku });
  if (input.quoteToken) {
    const quote = checkQuote(input.quoteToken, { currency: priced.result.currency, sku: priced.sku, product: priced.productHandle, categories: [], configuration: priced.configuration, organisationId, quantity: input.quantity });
    if (!quote.ok && quote.reason !== "EXPIRED") throw new AppError("INVALID_INPUT", quote.message);
    const seen = quote.ok ? quote.payload.unit : null;
    if (seen !== null && seen !== priced.result.unitPrice) {
      const money = (minor: number) => formatMoney(minor, priced.result.currency);
      throw new AppError("CONFLICT", `The price changed from ${money(seen)} to ${money(priced.result.unitPrice)} since it was shown. Please check it and add again.`);
    }
  }

  const { medusaCartId, cart } = await getOrCreateBuyerCart(user);
  const hash = configurationHash(priced.sku, priced.configuration);
  const same = (cart.items ?? []).find((item) => readLineMetadata(item.metadata)?.configuration_hash === hash);
  if (same) {
    const quantity = same.quantity + input.quantity;
    const merged = await priceConfiguredLine({ organisationId, productHandle: input.product, configuration: priced.configuration, quantity, sku: priced.sku });
    await updateMedusaCartLine(medusaCartId, same.id, await lineFromPrice(merged, organisationId));

    return { lineId: same.id, quantity, unitPrice: merged.result.unitPrice, currency: merged.result.currency };
  }
  const updated = await addMedusaCartLine(medusaCartId, { variantId: priced.variantId, ...(await lineFromPrice(priced, organisationId)) });
  const line = (updated.items ?? []).find((item) => readLineMetadata(item.metadata)?.configuration_hash === hash);

  return { lineId: line?.id ?? "", quantity: input.quantity, unitPrice: priced.result.unitPrice, currency: priced.result.currency };
}
