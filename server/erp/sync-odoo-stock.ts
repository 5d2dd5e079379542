import "server-only";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { db } from "@/server/db";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { getProductsByIds } from "@/server/odoo/products";
import { findProductQuants, type TOdooQuant } from "@/server/odoo/stock";

type TLocationStock = {
  locationId: number;
  locationName: string;
  onHand: number;
  reserved: number;
  available: number;
  writeDate: Date;
};

// ErpStock keeps 4 decimals; Odoo's floats are compared at that precision, or 0.1 + 0.2 would change a row.
const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

/** Quants summed per location (lots and packages give several quants per location); emptied ones left out. */
function perLocation(quants: TOdooQuant[]): TLocationStock[] {
  const byLocation = new Map<number, TLocationStock>();
  for (const quant of quants) {
    if (!quant.location || !quant.writeDate) continue;
    const entry = byLocation.get(quant.location.id) ?? {
      locationId: quant.location.id,
      locationName: quant.location.name,
      onHand: 0,
      reserved: 0,
      available: 0,
      writeDate: quant.writeDate,
    };
    entry.onHand = round4(entry.onHand + quant.quantity);
    entry.reserved = round4(entry.reserved + quant.reserved);
    entry.available = round4(entry.onHand - entry.reserved);
    if (quant.writeDate > entry.writeDate) entry.writeDate = quant.writeDate;
    byLocation.set(quant.location.id, entry);
  }

  // Odoo keeps a zero quant until its cleanup runs: a location that holds nothing has no stock row.
  return [...byLocation.values()].filter((entry) => entry.onHand !== 0 || entry.reserved !== 0);
}

/**
 * Re-reads one Odoo product's stock (its quants in internal locations) and makes ErpStock match it,
 * keyed by SKU (`default_code`) and location: rows upserted, rows of locations that no longer hold
 * stock deleted. Idempotent: a second run changes nothing. A row is never replaced by data with an
 * older write_date (a slower concurrent sync reading before a newer one). A product without SKU,
 * or deleted in Odoo, has no rows. Trusts nothing but Odoo's answer; no Odoo call inside the
 * transaction, which runs one per product at a time.
 */
export async function syncOdooStock(
  { productId }: { productId: number },
  client: OdooClient = getOdooClient(),
): Promise<TSyncResult> {
  const [product] = await getProductsByIds(client, [productId]);
  const sku = product?.sku ?? null;
  const locations = sku ? perLocation(await findProductQuants(client, productId)) : [];
  const syncedAt = new Date();

  const counts = await db.$transaction(async (tx) => {
    // A webhook and a reconciliation may sync one product at once: one at a time, so the
    // write_date comparison sees the other's rows and two inserts of a new location cannot collide.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`erp-stock:${productId}`}, 0))`;
    // The product's SKU may have changed (or been removed): rows under any other SKU go.
    const stale = await tx.erpStock.deleteMany({
      where: { odooProductId: productId, ...(sku ? { sku: { not: sku } } : {}) },
    });
    if (!sku) return { written: 0, deleted: stale.count, older: 0 };
    const existing = new Map((await tx.erpStock.findMany({ where: { sku } })).map((row) => [row.locationId, row]));
    const gone = await tx.erpStock.deleteMany({
      where: { sku, locationId: { notIn: locations.map((location) => location.locationId) } },
    });
    let written = 0;
    let older = 0;
    for (const location of locations) {
      const row = existing.get(location.locationId);
      if (row && row.odooWriteDate > location.writeDate) {
        older += 1;
        continue;
      }
      const same =
        row &&
        row.odooProductId === productId &&
        row.locationName === location.locationName &&
        Number(row.onHand) === location.onHand &&
        Number(row.reserved) === location.reserved &&
        Number(row.available) === location.available &&
        row.odooWriteDate.getTime() === location.writeDate.getTime();
      if (same) continue;
      const data = {
        odooProductId: productId,
        locationName: location.locationName,
        onHand: location.onHand,
        reserved: location.reserved,
        available: location.available,
        odooWriteDate: location.writeDate,
        syncedAt,
      };
      await tx.erpStock.upsert({
        where: { sku_locationId: { sku, locationId: location.locationId } },
        create: { sku, locationId: location.locationId, ...data },
        update: data,
      });
      written += 1;
    }

    return { written, deleted: stale.count + gone.count, older };
  });

  const changed = counts.written + counts.deleted > 0;
  const what = sku ? `${sku}: ${locations.length} internal location(s)` : `product ${productId} has no SKU in Odoo`;

  return {
    outcome: changed ? "CHANGED" : "UNCHANGED",
    summary: `${what}; ${counts.written} written, ${counts.deleted} deleted, ${counts.older} older than the cache`,
    externalId: String(productId),
    detail: { sku, ...counts },
  };
}
