import "server-only";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findQuantsChangedSince } from "@/server/odoo/stock";

type TChangedProduct = { id: number; quantIds: number[] };

/**
 * "odoo.stock.quant": quants in internal locations written since the cursor, turned into the
 * products they belong to, so each product is re-synced once per page however many of its quants
 * changed. The sync re-reads the product's quants: a page says which products, never how many.
 */
export function createStockReconciler(client: OdooClient = getOdooClient()): TReconciler<TChangedProduct> {
  return {
    name: "odoo.stock.quant",
    kind: "odoo.stock.sync",
    system: "ODOO",
    fetchPage: async (cursor) => {
      const page = await findQuantsChangedSince(client, cursor);
      const products = new Map<number, TChangedProduct>();
      for (const quant of page.records) {
        if (!quant.productId) continue;
        const entry = products.get(quant.productId) ?? { id: quant.productId, quantIds: [] };
        entry.quantIds.push(quant.id);
        products.set(quant.productId, entry);
      }

      return { records: [...products.values()], cursor: page.cursor, hasMore: page.hasMore };
    },
    sync: (product) => syncOdooStock({ productId: product.id }, client),
  };
}
