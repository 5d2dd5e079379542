import "server-only";
import { withinTimeout } from "@/lib/within-timeout";
import { db } from "@/server/db";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";
import { logger } from "@/server/logger";

// Stock for checkout, from the ERP cache. The cache counts as fresh when its rows were synced, or
// the stock reconciliation last succeeded, within STOCK_FRESH_MS; otherwise the products in
// question are refreshed once from Odoo (bounded by REFRESH_TIMEOUT_MS) before deciding.

const STOCK_FRESH_MS = 10 * 60_000;
const REFRESH_TIMEOUT_MS = 3_000;

export type TStockShortfall = { sku: string; available: number; wanted: number };
export type TStockCheck = { shortfalls: TStockShortfall[]; unconfirmed: string[] };

async function readStock(skus: string[]) {
  const rows = await db.erpStock.groupBy({
    by: ["sku"],
    where: { sku: { in: skus } },
    _sum: { available: true },
    _min: { syncedAt: true, odooProductId: true },
  });

  return new Map(rows.map((row) => [row.sku, row]));
}

/** `wanted`: quantity per SKU of standard (stocked) products. */
export async function checkLineStock(wanted: Map<string, number>, now = new Date()): Promise<TStockCheck> {
  const skus = [...wanted.keys()];
  if (!skus.length) return { shortfalls: [], unconfirmed: [] };
  const [initial, cursor] = await Promise.all([
    readStock(skus),
    db.syncCursor.findUnique({ where: { name: "odoo.stock.quant" }, select: { lastRunAt: true, lastRunOk: true } }),
  ]);
  let stock = initial;
  const reconciledAt = cursor?.lastRunOk ? (cursor.lastRunAt?.getTime() ?? 0) : 0;
  const isFresh = (sku: string) => {
    const syncedAt = stock.get(sku)?._min.syncedAt?.getTime() ?? 0;
    return now.getTime() - Math.max(syncedAt, reconciledAt) <= STOCK_FRESH_MS;
  };
  const stale = skus.filter((sku) => !isFresh(sku));
  const unconfirmed: string[] = [];
  if (stale.length) {
    const productIds = stale.flatMap((sku) => stock.get(sku)?._min.odooProductId ?? []);
    try {
      await withinTimeout(Promise.all(productIds.map((productId) => syncOdooStock({ productId }))), REFRESH_TIMEOUT_MS);
      stock = await readStock(skus);
    } catch (error) {
      logger.warn({ err: error, skus: stale }, "checkout: live stock refresh failed");
      unconfirmed.push(...stale.filter((sku) => stock.has(sku)));
    }
  }
  const shortfalls = skus.flatMap((sku) => {
    if (unconfirmed.includes(sku)) return [];
    const available = Number(stock.get(sku)?._sum.available ?? 0);
    const need = wanted.get(sku) ?? 0;
    return available >= need ? [] : [{ sku, available, wanted: need }];
  });

  return { shortfalls, unconfirmed };
}
