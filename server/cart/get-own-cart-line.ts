import "server-only";
import { readLineMetadata, type TLineMetadata } from "@/lib/cart/line-metadata";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { findBuyerCart, type TBuyerCart } from "@/server/cart/find-buyer-cart";
import type { TMedusaCartLine } from "@/server/medusa/types";

/**
 * The caller's own open cart and one of its lines, with Tradepost's metadata when it has it;
 * NOT_FOUND for anyone else's cart or line (the same answer whether it exists or not).
 */
export async function getOwnCartLineOrThrow(
  user: TSessionUser,
  cartId: string,
  lineId: string,
): Promise<{ cart: TBuyerCart; item: TMedusaCartLine; meta: TLineMetadata | null }> {
  const cart = await findBuyerCart(user);
  if (!cart || cart.medusaCartId !== cartId)
    throw new AppError("NOT_FOUND", "That cart is not yours or no longer open.");
  const item = (cart.cart.items ?? []).find((line) => line.id === lineId);
  if (!item) throw new AppError("NOT_FOUND", "That line is not in your cart.");

  return { cart, item, meta: readLineMetadata(item.metadata) };
}

export function requireLineMetadata(meta: TLineMetadata | null): TLineMetadata {
  if (!meta) throw new AppError("INVALID_STATE", "This line cannot be changed; remove it instead.");

  return meta;
}
