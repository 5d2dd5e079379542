import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { addToCart, type TAddToCartInput } from "@/server/cart/add-to-cart";
import { getOwnCartLineOrThrow, requireLineMetadata } from "@/server/cart/get-own-cart-line";
import { updateCartLineQuantity } from "@/server/cart/update-cart-line-quantity";
import { deleteMedusaCartLine } from "@/server/medusa/carts";

/**
 * Changes a line to another configuration (or variant, or quantity) of the same product,
 * priced like a new line — the buyer's quote is checked the same way. The new line goes in
 * first and the old one comes out after, so a failure never loses the line; a configuration
 * already in the cart is merged into that line.
 */
export async function replaceCartLine(
  user: TSessionUser,
  { cartId, lineId, ...input }: TAddToCartInput & { cartId: string; lineId: string },
): Promise<{ lineId: string; quantity: number; unitPrice: number }> {
  const { meta } = await getOwnCartLineOrThrow(user, cartId, lineId);
  if (requireLineMetadata(meta).product !== input.product)
    throw new AppError("INVALID_INPUT", "A line can only be changed to another configuration of the same product.");
  const added = await addToCart(user, input);
  if (added.lineId === lineId) {
    // The same configuration as before: addToCart added the quantities up; the buyer meant to set it.
    const { unitPrice } = await updateCartLineQuantity(user, { cartId, lineId, quantity: input.quantity });

    return { lineId, quantity: input.quantity, unitPrice };
  }
  await deleteMedusaCartLine(cartId, lineId);

  return { lineId: added.lineId, quantity: added.quantity, unitPrice: added.unitPrice };
}
