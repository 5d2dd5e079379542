import "server-only";
import { z } from "zod";
import type { TInboundDeliveryRecord } from "@/server/integrations/inbound-processors";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { getQuantProductId } from "@/server/odoo/stock";

// Only ids are read from the body: the product id is a fallback for a quant Odoo has deleted since.
const ZQuantHint = z.object({ product_id: z.number().int().positive().optional() }).passthrough();

function productHint(body: string): number | null {
  try {
    return ZQuantHint.safeParse(JSON.parse(body)).data?.product_id ?? null;
  } catch {
    return null;
  }
}

/**
 * INBOUND_PROCESSORS.odoo["stock.quant"]: re-reads the quant named by the delivery to find its
 * product, then re-syncs that product's whole stock (every internal location). The body's values
 * are never used; its product id only when the quant no longer exists (an emptied quant removed).
 */
export async function processOdooStockQuant(
  delivery: TInboundDeliveryRecord,
  client: OdooClient = getOdooClient(),
): Promise<TSyncResult> {
  const quantId = Number(delivery.subjectId);
  if (!Number.isInteger(quantId) || quantId <= 0)
    return { outcome: "SKIPPED", summary: `Not a quant id: ${delivery.subjectId ?? "none"}` };
  const productId = (await getQuantProductId(client, quantId)) ?? productHint(delivery.body);
  if (!productId)
    return { outcome: "SKIPPED", summary: `Quant ${quantId} no longer exists in Odoo and names no product` };

  return syncOdooStock({ productId }, client);
}
