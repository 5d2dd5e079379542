import "server-only";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { getOwnCartLineOrThrow, requireLineMetadata } from "@/server/cart/get-own-cart-line";
import { toMedusaLine } from "@/server/cart/to-medusa-line";
import { updateMedusaCartLine } from "@/server/medusa/carts";
import { loadBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { priceBuyerLine } from "@/server/pricing/price-buyer-line";

/** Changes a line of the caller's own cart to a new quantity, re-priced for it on the server (volume tiers apply). */
export async function updateCartLineQuantity(
  user: TSessionUser,
  { cartId, lineId, quantity }: { cartId: string; lineId: string; quantity: number },
): Promise<{ unitPrice: number }> {
  const { item, meta } = await getOwnCartLineOrThrow(user, cartId, lineId);
  const line = requireLineMetadata(meta);
  const organisationId = organisationIdOf(user);
  const pricing = await loadBuyerPricing({ products: [line.product] });
  const priced = priceBuyerLine(pricing, {
    organisationId,
    product: line.product,
    configuration: line.configuration,
    quantity,
    sku: line.sku,
  });
  await updateMedusaCartLine(cartId, item.id, toMedusaLine(priced, organisationId));

  return { unitPrice: priced.result.unitPrice };
}
