import "server-only";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { checkCartLines } from "@/server/cart/check-cart-lines";
import { findBuyerCart } from "@/server/cart/find-buyer-cart";
import { toMedusaLine } from "@/server/cart/to-medusa-line";
import { updateMedusaCartLine } from "@/server/medusa/carts";
import { checkQuote } from "@/server/pricing/quote-price";

export type TRecheckedLine = { lineId: string } & (
  | { outcome: "unchanged" }
  | { outcome: "repriced"; from: number; to: number }
  | { outcome: "renewed" }
  | { outcome: "unavailable"; message: string }
);

export type TRecheck = { cartId: string; lines: TRecheckedLine[]; blocked: boolean };

/**
 * Re-prices the buyer's cart in Medusa through the priced-line pipeline: a line whose price
 * changed is stored at the new price, keeping the price the buyer agreed to so the difference
 * shows until they confirm; a line whose quote expired (or no longer matches) gets a fresh one;
 * lines that can no longer be bought are reported, not changed. Checkout runs this before
 * placing an order. Idempotent: a second run finds every line unchanged. Null without a cart.
 */
export async function recheckCart(user: TSessionUser): Promise<TRecheck | null> {
  const cart = await findBuyerCart(user);
  if (!cart) return null;
  const organisationId = organisationIdOf(user);
  const checked = await checkCartLines(cart, organisationId);
  const lines = await Promise.all(
    checked.map(async (line): Promise<TRecheckedLine> => {
      const lineId = line.item.id;
      if (line.state === "unavailable") return { lineId, outcome: "unavailable", message: line.message };
      const { priced, meta, storedUnitPrice } = line;
      const agreed = meta.previous_unit_price_minor ?? storedUnitPrice;
      if (priced.result.unitPrice !== storedUnitPrice) {
        await updateMedusaCartLine(
          cart.medusaCartId,
          lineId,
          toMedusaLine(priced, organisationId, agreed === priced.result.unitPrice ? null : agreed),
        );

        return { lineId, outcome: "repriced", from: storedUnitPrice, to: priced.result.unitPrice };
      }
      const quote = checkQuote(meta.quote_token, {
        ...priced,
        currency: priced.result.currency,
        organisationId,
        quantity: line.item.quantity,
      });
      if (quote.ok) return { lineId, outcome: "unchanged" };
      await updateMedusaCartLine(
        cart.medusaCartId,
        lineId,
        toMedusaLine(priced, organisationId, meta.previous_unit_price_minor),
      );

      return { lineId, outcome: "renewed" };
    }),
  );

  return { cartId: cart.medusaCartId, lines, blocked: lines.some((line) => line.outcome === "unavailable") };
}
