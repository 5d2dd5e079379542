import "server-only";
import { AppError } from "@/lib/errors";
import type { TConfiguration } from "@/lib/pricing/types";
import { readLineMetadata } from "@/lib/cart/line-metadata";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { addToCart, type TAddToCartInput } from "@/server/cart/add-to-cart";
import { findBuyerCart } from "@/server/cart/get-buyer-cart";
import { lineFromPrice } from "@/server/cart/line-from-price";
import { deleteMedusaCartLine, updateMedusaCartLine } from "@/server/medusa/carts";
import { priceConfiguredLine } from "@/server/storefront/price-configured-line";

/** The caller's own cart and one of its lines; NOT_FOUND for anyone else's cart or line. */
async function ownLine(user: TSessionUser, cartId: string, lineId: string) {
  const found = await findBuyerCart(user);
  if (!found || found.medusaCartId !== cartId) throw new AppError("NOT_FOUND", "That cart is not yours or no longer open.");
  const item = (found.cart.items ?? []).find((line) => line.id === lineId);
  if (!item) throw new AppError("NOT_FOUND", "That line is not in your cart.");

  return { found, item };
}

/** Changes a line's quantity, re-priced for it on the server (volume tiers apply). */
export async function updateCartLineQuantity(user: TSessionUser, { cartId, lineId, quantity }: { cartId: string; lineId: string; quantity: number }): Promise<{ unitPrice: number }> {
  const { item } = await ownLine(user, cartId, lineId);
  const meta = readLineMetadata(item.metadata);
  if (!meta) throw new AppError("INVALID_STATE", "This line cannot be changed; remove it instead.");
  const organisationId = organisationIdOf(user);
  const priced = await priceConfiguredLine({ organisationId, productHandle: meta.product, configuration: meta.configuration, quantity, sku: meta.sku });
  await updateMedusaCartLine(cartId, lineId, await lineFromPrice(priced, organisationId));

  return { unitPrice: priced.result.unitPrice };
}

/** A line of the caller's cart as it was configured, for changing it on the product page; null when it is not theirs. */
export async function findOwnLineConfiguration(user: TSessionUser, lineId: string): Promise<{ cartId: string; lineId: string; product: string; sku: string; configuration: TConfiguration; quantity: number } | null> {
  const found = await findBuyerCart(user);
  const item = found?.cart.items?.find((line) => line.id === lineId);
  const meta = item ? readLineMetadata(item.metadata) : null;

  return found && item && meta ? { cartId: found.medusaCartId, lineId, product: meta.product, sku: meta.sku, configuration: meta.configuration, quantity: item.quantity } : null;
}

/**
 * Changes a line to another configuration (or variant, or quantity) of the same product,
 * priced like a new line — the buyer's quote is checked the same way. The new line goes in
 * first and the old one comes out after, so a failure never loses the line; a configuration
 * already in the cart is merged into that line.
 */
export async function replaceCartLine(user: TSessionUser, { cartId, lineId, ...input }: TAddToCartInput & { cartId: string; lineId: string }): Promise<{ lineId: string; quantity: number; unitPrice: number }> {
  const { item } = await ownLine(user, cartId, lineId);
  const meta = readLineMetadata(item.metadata);
  if (!meta) throw new AppError("INVALID_STATE", "This line cannot be changed; remove it instead.");
  if (meta.product !== input.product) throw new AppError("INVALID_INPUT", "A line can only be changed to another configuration of the same product.");
  const added = await addToCart(user, input);
  if (added.lineId === lineId) {
    // The same configuration as before: addToCart added the quantities up; the buyer meant to set it.
    const { unitPrice } = await updateCartLineQuantity(user, { cartId, lineId, quantity: input.quantity });

    return { lineId, quantity: input.quantity, unitPrice };
  }
  await deleteMedusaCartLine(cartId, lineId);

  return { lineId: added.lineId, quantity: added.quantity, unitPrice: added.unitPrice };
}

export async function removeCartLine(user: TSessionUser, { cartId, lineId }: { cartId: string; lineId: string }): Promise<void> {
  await ownLine(user, cartId, lineId);
  await deleteMedusaCartLine(cartId, lineId);
}

/** The buyer has seen a price change on a line: stop showing it. */
export async function confirmCartLinePrice(user: TSessionUser, { cartId, lineId }: { cartId: string; lineId: string }): Promise<void> {
  const { item, found } = await ownLine(user, cartId, lineId);
  const meta = readLineMetadata(item.metadata);
  if (!meta || meta.previous_unit_price_minor === null) return;
  await updateMedusaCartLine(cartId, lineId, { quantity: item.quantity, unitPriceMinor: meta.unit_price_minor, currency: found.currency, metadata: { tradepost: { ...meta, previous_unit_price_minor: null } } });
}
