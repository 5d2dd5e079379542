import "server-only";
import type { TBreakdownLine } from "@/lib/pricing/types";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { checkCartLines, type TCheckedLine } from "@/server/cart/check-cart-lines";
import { findBuyerCart } from "@/server/cart/find-buyer-cart";

export type TCartNotice = { kind: "repriced"; from: number; to: number } | { kind: "unavailable"; message: string };

export type TCartLineView = {
  id: string;
  productTitle: string;
  productHandle: string;
  sku: string;
  summary: string;
  thumbnail: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  breakdown: TBreakdownLine[];
  notice: TCartNotice | null;
};

export type TCartView = {
  cartId: string;
  currency: string;
  lines: TCartLineView[];
  subtotal: number;
  blocked: boolean;
};

function toView(line: TCheckedLine): TCartLineView {
  const { item, meta } = line;
  const base = {
    id: item.id,
    productTitle: item.product_title ?? meta?.product ?? "Unknown item",
    productHandle: meta?.product ?? item.product_handle ?? "",
    sku: meta?.sku ?? item.variant_sku ?? "",
    summary: meta?.summary ?? "",
    thumbnail: item.thumbnail ?? null,
    quantity: item.quantity,
  };
  if (line.state === "unavailable") {
    return {
      ...base,
      unitPrice: line.storedUnitPrice,
      lineTotal: line.storedUnitPrice * item.quantity,
      breakdown: meta?.breakdown ?? [],
      notice: { kind: "unavailable", message: line.message },
    };
  }
  const now = line.priced.result.unitPrice;
  // The price the buyer last agreed to: before a re-check re-priced the line, or as stored.
  const agreed = line.meta.previous_unit_price_minor ?? line.storedUnitPrice;

  return {
    ...base,
    unitPrice: now,
    lineTotal: line.priced.result.lineTotal,
    breakdown: line.priced.result.breakdown,
    notice: agreed === now ? null : { kind: "repriced", from: agreed, to: now },
  };
}

/**
 * The buyer's cart as it would be priced now, every line re-checked against today's model and
 * rules; a line whose price differs from what the buyer agreed to carries both prices until
 * they confirm. Reads only: re-pricing the cart in Medusa is recheckCart's job. Null when the
 * buyer has no open cart.
 */
export async function getCartView(user: TSessionUser): Promise<TCartView | null> {
  const cart = await findBuyerCart(user);
  if (!cart) return null;
  const lines = (await checkCartLines(cart, organisationIdOf(user))).map(toView);

  return {
    cartId: cart.medusaCartId,
    currency: cart.currency,
    lines,
    subtotal: lines.reduce((sum, line) => sum + line.lineTotal, 0),
    blocked: lines.some((line) => line.notice?.kind === "unavailable"),
  };
}
