import "server-only";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { getOwnCartLineOrThrow, requireLineMetadata } from "@/server/cart/get-own-cart-line";
import { toMedusaLine } from "@/server/cart/to-medusa-line";
import { updateMedusaCartLine } from "@/server/medusa/carts";
import { loadBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { priceBuyerLine } from "@/server/pricing/price-buyer-line";

/**
 * The buyer accepts the price a line has now: the line is re-priced on the server (never the
 * price the page showed or the one stored on the line) and stored with a fresh quote, and the
 * "price changed" notice goes away. Returns the unit price now in force.
 */
export async function confirmCartLinePrice(
  user: TSessionUser,
  { cartId, lineId }: { cartId: string; lineId: string },
): Promise<{ unitPrice: number }> {
  const { item, meta } = await getOwnCartLineOrThrow(user, cartId, lineId);
  const line = requireLineMetadata(meta);
  const organisationId = organisationIdOf(user);
  const pricing = await loadBuyerPricing({ products: [line.product] });
  const priced = priceBuyerLine(pricing, {
    organisationId,
    product: line.product,
    configuration: line.configuration,
    quantity: item.quantity,
    sku: line.sku,
  });
  await updateMedusaCartLine(cartId, lineId, toMedusaLine(priced, organisationId, null));

  return { unitPrice: priced.result.unitPrice };
}
