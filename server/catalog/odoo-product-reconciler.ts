import "server-only";
import { syncOdooProduct } from "@/server/catalog/sync-odoo-product";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findProductsChangedSince, type TOdooProduct } from "@/server/odoo/products";

/**
 * "odoo.product.product": the catalogue import's pass. Products (goods, archived and unsaleable
 * ones too, so they can be withdrawn) written since the cursor, each through the same sync as
 * the webhook, with the record the page just read.
 */
export function createProductReconciler(client: OdooClient = getOdooClient()): TReconciler<TOdooProduct> {
  return {
    name: "odoo.product.product",
    kind: "odoo.product.sync",
    system: "ODOO",
    fetchPage: (cursor) => findProductsChangedSince(client, cursor),
    sync: (product) => syncOdooProduct({ odooId: product.id, product }, client),
  };
}
