import "server-only";
import { saveOdooCarrier } from "@/server/erp/save-odoo-carrier";
import { db } from "@/server/db";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import { findCarriersForSync, type TOdooCarrierForSync } from "@/server/odoo/carriers";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";

type TCarrierRecord = { id: number; carrier: TOdooCarrierForSync | null };

/**
 * "odoo.delivery.carrier": every carrier read in full on each pass, not from a write_date cursor.
 * A rule edited or deleted on its own does not change its carrier's write_date, and a deleted
 * carrier leaves nothing to poll; there are a handful of carriers, so one read of all of them
 * (three or four calls) a minute is cheap, and carriers cached but gone from Odoo are marked inactive.
 * Unchanged carriers are written nothing (saveOdooCarrier compares first).
 */
export function createCarrierReconciler(client: OdooClient = getOdooClient()): TReconciler<TCarrierRecord> {
  return {
    name: "odoo.delivery.carrier",
    kind: "odoo.carrier.sync",
    system: "ODOO",
    fetchPage: async (cursor) => {
      const carriers = await findCarriersForSync(client);
      const cached = await db.erpCarrier.findMany({ where: { active: true }, select: { odooCarrierId: true } });
      const gone = cached.filter((row) => !carriers.some((carrier) => carrier.id === row.odooCarrierId));
      const records = [
        ...carriers.map((carrier) => ({ id: carrier.id, carrier })),
        ...gone.map((row) => ({ id: row.odooCarrierId, carrier: null })),
      ];

      return { records, cursor, hasMore: false };
    },
    sync: (record) => saveOdooCarrier(record.id, record.carrier),
  };
}
