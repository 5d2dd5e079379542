import "server-only";
import { syncOdooCarriers } from "@/server/erp/sync-odoo-carriers";
import type { TInboundDeliveryRecord } from "@/server/integrations/inbound-processors";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";

/** INBOUND_PROCESSORS.odoo["delivery.carrier"]: re-reads the carrier named by the delivery (its id only). */
export async function processOdooCarrier(
  delivery: TInboundDeliveryRecord,
  client: OdooClient = getOdooClient(),
): Promise<TSyncResult> {
  const carrierId = Number(delivery.subjectId);
  if (!Number.isInteger(carrierId) || carrierId <= 0)
    return { outcome: "SKIPPED", summary: `Not a carrier id: ${delivery.subjectId ?? "none"}` };

  return syncOdooCarriers({ ids: [carrierId] }, client);
}
