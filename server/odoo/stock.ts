import "server-only";
import type { z } from "zod";
import type { OdooClient } from "@/server/odoo/client";
import { readChangedSince, type TChangeCursor, type TChangedPage } from "@/server/odoo/changed-since";
import { fieldsOf, odooDatetime, odooMany2one, odooNumber, odooRecord } from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// Stock on hand = stock.quant rows in internal locations. Odoo also keeps quants in virtual
// locations (inventory adjustment with negative quantities, customers), which a poll of
// stock.quant returns unless filtered; and a product that never had stock has no quant.

const MODEL = "stock.quant";
const INTERNAL_ONLY = [["location_id.usage", "=", "internal"]];

const QUANT = {
  product_id: odooMany2one,
  location_id: odooMany2one,
  quantity: odooNumber,
  reserved_quantity: odooNumber,
  write_date: odooDatetime,
};
const QUANT_FIELDS = fieldsOf(QUANT);

const ZQuant = odooRecord(QUANT).transform((q) => ({
  id: q.id,
  productId: q.product_id?.id ?? 0,
  location: q.location_id,
  quantity: q.quantity,
  reserved: q.reserved_quantity,
  writeDate: q.write_date,
}));

export type TOdooQuant = z.infer<typeof ZQuant>;

/** A product's stock over all internal locations (in the product's unit). */
export type TStockLevel = { productId: number; onHand: number; reserved: number; available: number };

// Quantities are floats in Odoo; summing many of them must not print 2.0000000000000004.
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** Stock levels of these products, one per product asked for (zero when it has no quant). Reads only. */
export function getStockLevels(client: OdooClient, productIds: number[]): Promise<TStockLevel[]> {
  if (!productIds.length) return Promise.resolve([]);

  return withAppErrors(async () => {
    const quants = await client.searchRead(MODEL, QUANT_FIELDS, ZQuant, {
      domain: [["product_id", "in", productIds], ...INTERNAL_ONLY],
    });
    const levels = new Map(
      productIds.map((productId) => [productId, { productId, onHand: 0, reserved: 0, available: 0 }]),
    );
    for (const quant of quants) {
      const level = levels.get(quant.productId);
      if (!level) continue;
      level.onHand = round(level.onHand + quant.quantity);
      level.reserved = round(level.reserved + quant.reserved);
      level.available = round(level.onHand - level.reserved);
    }

    return [...levels.values()];
  });
}

/** One page of quants in internal locations written since the cursor. Reads only. */
export function findQuantsChangedSince(
  client: OdooClient,
  cursor: TChangeCursor,
  { limit }: { limit?: number } = {},
): Promise<TChangedPage<TOdooQuant>> {
  return withAppErrors(() =>
    readChangedSince(client, {
      model: MODEL,
      fields: QUANT_FIELDS,
      schema: ZQuant,
      domain: INTERNAL_ONLY,
      cursor,
      limit,
    }),
  );
}

/** The quants of one product in internal locations, each with its location's id and full name. Reads only. */
export function findProductQuants(client: OdooClient, productId: number): Promise<TOdooQuant[]> {
  return withAppErrors(() =>
    client.searchRead(MODEL, QUANT_FIELDS, ZQuant, {
      domain: [["product_id", "=", productId], ...INTERNAL_ONLY],
      order: "location_id asc, id asc",
    }),
  );
}

/**
 * The product of a quant, wherever the quant is; null when the quant no longer exists (Odoo
 * deletes emptied quants). Reads only.
 */
export function getQuantProductId(client: OdooClient, quantId: number): Promise<number | null> {
  return withAppErrors(async () => {
    // search_read, not read: read raises MissingError for a deleted record.
    const [quant] = await client.searchRead(MODEL, QUANT_FIELDS, ZQuant, { domain: [["id", "=", quantId]], limit: 1 });

    return quant?.productId || null;
  });
}
