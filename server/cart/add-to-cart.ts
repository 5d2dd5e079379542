import "server-only";
import { MAX_LINE_QUANTITY, readLineMetadata } from "@/lib/cart/line-metadata";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/pricing/units";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { ensureBuyerCart } from "@/server/cart/ensure-buyer-cart";
import { toMedusaLine } from "@/server/cart/to-medusa-line";
import { addMedusaCartLine, updateMedusaCartLine } from "@/server/medusa/carts";
import { loadBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { priceBuyerLine } from "@/server/pricing/price-buyer-line";
import { checkQuote } from "@/server/pricing/quote-price";

export type TAddToCartInput = {
  product: string;
  configuration: Record<string, unknown>;
  quantity: number;
  quoteToken?: string;
  sku?: string;
};

/**
 * Puts a configured product in the buyer's Medusa cart at the price the server decides now.
 * The quote the buyer saw is checked: an altered or foreign one is refused; if the price
 * moved since, CONFLICT tells both prices and nothing is added. The same configuration
 * already in the cart gets its quantity raised (and is re-priced for it).
 */
export async function addToCart(
  user: TSessionUser,
  input: TAddToCartInput,
): Promise<{ lineId: string; quantity: number; unitPrice: number; currency: string }> {
  const organisationId = organisationIdOf(user);
  const [pricing, { medusaCartId, cart }] = await Promise.all([
    loadBuyerPricing({ products: [input.product] }),
    ensureBuyerCart(user),
  ]);
  const priced = priceBuyerLine(pricing, { organisationId, ...input });
  if (input.quoteToken) {
    const quote = checkQuote(
      input.quoteToken,
      { ...priced, currency: priced.result.currency, organisationId, quantity: input.quantity },
      pricing.at,
    );
    if (!quote.ok && quote.reason !== "EXPIRED") throw new AppError("INVALID_INPUT", quote.message);
    const seen = quote.ok ? quote.payload.unit : null;
    if (seen !== null && seen !== priced.result.unitPrice) {
      const money = (minor: number) => formatMoney(minor, priced.result.currency);
      throw new AppError(
        "CONFLICT",
        `The price changed from ${money(seen)} to ${money(priced.result.unitPrice)} since it was shown. Please check it and add again.`,
      );
    }
  }

  const same = (cart.items ?? []).find(
    (item) => readLineMetadata(item.metadata)?.configuration_hash === priced.configurationHash,
  );
  if (same) {
    const quantity = same.quantity + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      throw new AppError(
        "INVALID_INPUT",
        `Your cart already has ${same.quantity.toLocaleString("en")} of these; one line can hold at most ${MAX_LINE_QUANTITY.toLocaleString("en")}.`,
        {
          quantity: [`At most ${(MAX_LINE_QUANTITY - same.quantity).toLocaleString("en")} more.`],
        },
      );
    }
    const merged = priceBuyerLine(pricing, {
      organisationId,
      product: priced.productHandle,
      configuration: priced.configuration,
      quantity,
      sku: priced.sku,
    });
    await updateMedusaCartLine(medusaCartId, same.id, toMedusaLine(merged, organisationId));

    return { lineId: same.id, quantity, unitPrice: merged.result.unitPrice, currency: merged.result.currency };
  }
  const updated = await addMedusaCartLine(medusaCartId, {
    variantId: priced.variantId!,
    ...toMedusaLine(priced, organisationId),
  });
  const line = (updated.items ?? []).find(
    (item) => readLineMetadata(item.metadata)?.configuration_hash === priced.configurationHash,
  );

  return {
    lineId: line?.id ?? "",
    quantity: input.quantity,
    unitPrice: priced.result.unitPrice,
    currency: priced.result.currency,
  };
}
