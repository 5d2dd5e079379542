import "server-only";
import { describeAvailability, type TAvailability } from "@/lib/erp/stock-availability";
import { db } from "@/server/db";

/**
 * What a buyer reads about each SKU's availability, from the ERP cache only (never Odoo: this is
 * on the product page's path): available and on hand summed over internal locations, in one
 * grouped query on ErpStock's primary key (sku, location). A configurable product reads "Made to
 * order" without a query. Reads only; `syncedAt` is the oldest row's, so a reader can tell freshness.
 */
export async function getStockAvailability({
  skus,
  configurable,
}: {
  skus: string[];
  configurable: boolean;
}): Promise<Record<string, TAvailability & { syncedAt: Date | null }>> {
  const unique = [...new Set(skus)];
  if (configurable || !unique.length)
    return Object.fromEntries(
      unique.map((sku) => [sku, { ...describeAvailability({ configurable, totals: null }), syncedAt: null }]),
    );

  const sums = await db.erpStock.groupBy({
    by: ["sku"],
    where: { sku: { in: unique } },
    _sum: { available: true, onHand: true },
    _min: { syncedAt: true },
  });
  const bySku = new Map(sums.map((row) => [row.sku, row]));

  return Object.fromEntries(
    unique.map((sku) => {
      const row = bySku.get(sku);
      const totals = row ? { onHand: Number(row._sum.onHand ?? 0), available: Number(row._sum.available ?? 0) } : null;

      return [sku, { ...describeAvailability({ configurable: false, totals }), syncedAt: row?._min.syncedAt ?? null }];
    }),
  );
}
