import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { addToCart } from "@/server/cart/add-to-cart";
import { loadCatalog } from "@/server/catalog/load-catalog";
import { db } from "@/server/db";
import { readableOrders } from "@/server/orders/order-scope";

export type TReorderedLine = {
  position: number;
  title: string;
  sku: string;
  quantity: number;
  currency: string;
  /** The unit price on the order, and the one in the cart now (priced today for this organisation). */
  thenUnitMinor: number;
  thenCurrency: string;
  nowUnitMinor: number;
};

export type TReorderResult = {
  reference: string;
  added: TReorderedLine[];
  notAdded: { position: number; title: string; sku: string; quantity: number; reason: string }[];
};

const ZConfiguration = z.record(z.string(), z.unknown()).catch({});

/**
 * Puts the lines of an order the caller may read into the caller's own cart, each through
 * addToCart: today's product, configuration model and prices decide, never the order's. A line
 * that cannot be added (product withdrawn, configuration no longer valid, no price) is left out
 * with the reason; the rest are added. Not idempotent: reordering twice adds the quantities twice.
 */
export async function reorder(user: TSessionUser, orderId: string): Promise<TReorderResult> {
  if (!z.uuid().safeParse(orderId).success) throw new AppError("NOT_FOUND", "There is no such order.");
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, readableOrders(user)] },
    select: { reference: true, currency: true, lines: { orderBy: { position: "asc" } } },
  });
  if (!order) throw new AppError("NOT_FOUND", "There is no such order.");
  const catalog = await loadCatalog();
  const result: TReorderResult = { reference: order.reference, added: [], notAdded: [] };
  // One line at a time: lines of the same configuration merge into one cart line.
  for (const line of order.lines) {
    const base = { position: line.position, title: line.title, sku: line.sku, quantity: line.quantity };
    const product = catalog.products.find((item) => item.variants.some((variant) => variant.sku === line.sku));
    if (!product) {
      result.notAdded.push({ ...base, reason: "This product is no longer in the catalogue." });
      continue;
    }
    try {
      const added = await addToCart(user, {
        product: product.handle,
        configuration: line.configuration === null ? {} : ZConfiguration.parse(line.configuration),
        quantity: line.quantity,
        sku: line.sku,
      });
      result.added.push({
        ...base,
        currency: added.currency,
        thenUnitMinor: line.unitPriceMinor,
        thenCurrency: order.currency,
        nowUnitMinor: added.unitPrice,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const reason =
        error.code === "UPSTREAM_FAILED" ? "The shop could not be reached just now; try again shortly." : error.message;
      result.notAdded.push({ ...base, reason });
    }
  }

  return result;
}
