import "server-only";
import { readLineMetadata, type TLineMetadata } from "@/lib/cart/line-metadata";
import { isAppError } from "@/lib/errors";
import type { TBuyerCart } from "@/server/cart/find-buyer-cart";
import { fromMedusaAmount } from "@/server/medusa/carts";
import type { TMedusaCartLine } from "@/server/medusa/types";
import { loadBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { priceBuyerLine, type TPricedLine } from "@/server/pricing/price-buyer-line";

/** A cart line next to what it would cost now. */
export type TCheckedLine =
  | { item: TMedusaCartLine; meta: TLineMetadata; storedUnitPrice: number; state: "priced"; priced: TPricedLine }
  | {
      item: TMedusaCartLine;
      meta: TLineMetadata | null;
      storedUnitPrice: number;
      state: "unavailable";
      message: string;
    };

const NOT_PRICED_FOR_YOU = "This line was not priced for your organisation; remove it.";

/**
 * Prices every line of a cart now, through the one priced-line pipeline, without changing
 * anything. A line the model or the rules no longer allow, or one not priced for this
 * organisation (added to the cart outside Tradepost), comes back `unavailable` with the reason.
 */
export async function checkCartLines(cart: TBuyerCart, organisationId: string): Promise<TCheckedLine[]> {
  const items = cart.cart.items ?? [];
  const products = [...new Set(items.flatMap((item) => readLineMetadata(item.metadata)?.product ?? []))];
  const pricing = await loadBuyerPricing({ products });

  return items.map((item): TCheckedLine => {
    const meta = readLineMetadata(item.metadata);
    const storedUnitPrice = fromMedusaAmount(item.unit_price, cart.currency);
    if (!meta || meta.organisation_id !== organisationId)
      return { item, meta, storedUnitPrice, state: "unavailable", message: NOT_PRICED_FOR_YOU };
    try {
      const priced = priceBuyerLine(pricing, {
        organisationId,
        product: meta.product,
        configuration: meta.configuration,
        quantity: item.quantity,
        sku: meta.sku,
      });

      return { item, meta, storedUnitPrice, state: "priced", priced };
    } catch (error) {
      if (isAppError(error) && ["INVALID_INPUT", "INVALID_STATE", "NOT_FOUND"].includes(error.code))
        return { item, meta, storedUnitPrice, state: "unavailable", message: error.message };
      throw error;
    }
  });
}
