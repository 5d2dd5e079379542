import "server-only";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findPickingsChangedSince, type TOdooPicking } from "@/server/odoo/pickings";
import { syncOdooPicking } from "@/server/orders/sync-odoo-picking";

/**
 * "odoo.stock.picking": done deliveries written since the cursor; those of our orders become
 * shipments (J5) when their webhook was lost (the webhook rule, too, fires only for done pickings).
 */
export function createPickingReconciler(client: OdooClient = getOdooClient()): TReconciler<TOdooPicking> {
  return {
    name: "odoo.stock.picking",
    kind: "odoo.picking.sync",
    system: "ODOO",
    fetchPage: (cursor) => findPickingsChangedSince(client, cursor),
    sync: (picking) => syncOdooPicking(picking.id, client),
  };
}
