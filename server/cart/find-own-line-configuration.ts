import "server-only";
import { readLineMetadata } from "@/lib/cart/line-metadata";
import type { TConfiguration } from "@/lib/pricing/types";
import type { TSessionUser } from "@/server/auth/session";
import { findBuyerCart } from "@/server/cart/find-buyer-cart";

/** A line of the caller's cart as it was configured, for changing it on the product page; null when it is not theirs. */
export async function findOwnLineConfiguration(
  user: TSessionUser,
  lineId: string,
): Promise<{
  cartId: string;
  lineId: string;
  product: string;
  sku: string;
  configuration: TConfiguration;
  quantity: number;
} | null> {
  const found = await findBuyerCart(user);
  const item = found?.cart.items?.find((line) => line.id === lineId);
  const meta = item ? readLineMetadata(item.metadata) : null;

  return found && item && meta
    ? {
        cartId: found.medusaCartId,
        lineId,
        product: meta.product,
        sku: meta.sku,
        configuration: meta.configuration,
        quantity: item.quantity,
      }
    : null;
}
