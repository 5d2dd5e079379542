import "server-only";
import { recordPlacedOrder } from "@/server/checkout/record-placed-order";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { findMedusaOrderOfCart, findRecentCheckoutOrders } from "@/server/medusa/place-medusa-order";

/**
 * Recovery for checkouts whose local transaction failed after Medusa completed the cart: the
 * Tradepost orders Medusa created in the last `sinceMinutes` that we have not recorded are read
 * again by cart id and recorded (order, lines, link, push job) exactly as checkout would have.
 * Idempotent: recorded orders are skipped, and recording itself is keyed on the Medusa order.
 */
export async function recoverUnrecordedCheckouts({
  sinceMinutes,
}: {
  sinceMinutes: number;
}): Promise<{ checked: number; recorded: number; failed: number }> {
  const recent = await findRecentCheckoutOrders(new Date(Date.now() - sinceMinutes * 60_000));
  const known = new Set(
    (
      await db.order.findMany({
        where: { medusaOrderId: { in: recent.map((order) => order.id) } },
        select: { medusaOrderId: true },
      })
    ).map((order) => order.medusaOrderId),
  );
  let recorded = 0;
  let failed = 0;
  for (const candidate of recent) {
    if (known.has(candidate.id) || !candidate.cartId) continue;
    try {
      const order = await findMedusaOrderOfCart(candidate.cartId);
      if (order && (await recordPlacedOrder(order)).created) recorded += 1;
    } catch (error) {
      failed += 1;
      logger.error({ err: error, medusaOrderId: candidate.id }, "checkout recovery: could not record an order");
    }
  }
  if (recorded) logger.warn({ recorded }, "checkout recovery recorded orders our checkout had not");

  return { checked: recent.length, recorded, failed };
}
