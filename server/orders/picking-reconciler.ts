import "server-only";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findPickingsChangedSince, type TOdooPicking } from "@/server/odoo/pickings";
import { syncOdooPicking } from "@/server/orders/sync-odoo-picking";

/**
 * "odoo.stock.picking": deliveries written since the cursor; the done ones of our orders become
 * shipments (J5) when their webhook was lost. The rest end SKIPPED without a call to Medusa.
 */
export function createPickingReconciler(client: OdooClient = getOdooClient()): TReconciler<TOdooPicking> {
  return {
    name: "odoo.stock.picking",
    kind: "odoo.picking.sync",
    system: "ODOO",
    fetchPage: (cursor) => findPickingsChangedSince(client, cursor),
    sync: async (picking) =>
      picking.state === "done"
        ? syncOdooPicking(picking.id, client)
        : { outcome: "SKIPPED", summary: `${picking.name} is ${picking.state ?? "in no state"}` },
  };
}
