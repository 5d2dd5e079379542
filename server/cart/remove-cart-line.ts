import "server-only";
import type { TSessionUser } from "@/server/auth/session";
import { getOwnCartLineOrThrow } from "@/server/cart/get-own-cart-line";
import { deleteMedusaCartLine } from "@/server/medusa/carts";

/** Removes a line from the caller's own cart. */
export async function removeCartLine(
  user: TSessionUser,
  { cartId, lineId }: { cartId: string; lineId: string },
): Promise<void> {
  await getOwnCartLineOrThrow(user, cartId, lineId);
  await deleteMedusaCartLine(cartId, lineId);
}
