import "server-only";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findSaleOrdersChangedSince, type TOdooSaleOrder } from "@/server/odoo/sale-orders";
import { syncOdooSaleOrder } from "@/server/orders/sync-odoo-sale-order";

/**
 * "odoo.sale.order": sale orders written since the cursor, each through the webhook's sync
 * (cancellations and changes of ours, sales reps' orders imported). Others' orders end SKIPPED.
 */
export function createSaleOrderReconciler(client: OdooClient = getOdooClient()): TReconciler<TOdooSaleOrder> {
  return {
    name: "odoo.sale.order",
    kind: "odoo.sale-order.sync",
    system: "ODOO",
    fetchPage: (cursor) => findSaleOrdersChangedSince(client, cursor),
    sync: (order) => syncOdooSaleOrder(order.id, client),
  };
}
