import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/server/db";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { getSaleOrderWithLines } from "@/server/odoo/sale-orders";
import { applyOdooOrderChanges } from "@/server/orders/apply-odoo-order-changes";
import { cancelOrderFromOdoo } from "@/server/orders/cancel-order-from-odoo";
import { findOrderForSaleOrder } from "@/server/orders/find-order-for-sale-order";
import { importSalesRepOrder } from "@/server/orders/import-sales-rep-order";

// Our references (TP-000123). An Odoo order carrying one that we do not find is never imported:
// it is ours in the making (or a copy of ours), not a sales rep's.
const OUR_REFERENCE = /^TP-\d{6,}$/;

/**
 * What a change of an Odoo sale order means here. Ours (by stored id, else by our reference in
 * client_order_ref — which also holds before our push stored the id): a cancellation cancels it
 * in Medusa and here, changed lines are recorded (Odoo is the source of record after
 * confirmation). Not ours, confirmed, for one of our organisations: a sales rep's order, imported
 * once and never pushed back. Re-reads Odoo (the webhook is a hint); idempotent.
 */
export async function syncOdooSaleOrder(
  saleOrderId: number,
  client: OdooClient = getOdooClient(),
): Promise<TSyncResult> {
  if (!Number.isSafeInteger(saleOrderId) || saleOrderId <= 0)
    throw new AppError("INVALID_INPUT", `Not an Odoo sale order id: ${String(saleOrderId)}`);
  const externalId = String(saleOrderId);
  const odoo = await getSaleOrderWithLines(client, saleOrderId);
  if (!odoo) return { outcome: "SKIPPED", summary: `Odoo has no sale order ${saleOrderId}`, externalId };
  const ours = await findOrderForSaleOrder(client, saleOrderId, odoo.clientOrderRef);

  if (!ours) {
    if (odoo.clientOrderRef && OUR_REFERENCE.test(odoo.clientOrderRef.trim()))
      return {
        outcome: "SKIPPED",
        summary: `${odoo.name} names ${odoo.clientOrderRef}, which we do not have`,
        externalId,
      };
    if (odoo.state !== "sale")
      return {
        outcome: "SKIPPED",
        summary: `${odoo.name} is ${odoo.state ?? "in no state"}, not confirmed`,
        externalId,
      };

    return importSalesRepOrder(client, odoo);
  }

  const result = { localId: ours.id, externalId };
  if (odoo.state === "cancel") return { ...(await cancelOrderFromOdoo(ours, odoo.name)), ...result };
  // Until Odoo confirms it, the order is still being pushed: its lines are ours, not Odoo's.
  if (odoo.state !== "sale") return { outcome: "UNCHANGED", summary: `${odoo.name} is not confirmed yet`, ...result };
  const changes = await applyOdooOrderChanges(client, ours, odoo);
  const { count } = await db.order.updateMany({
    where: { id: ours.id, OR: [{ odooState: null }, { odooState: { not: odoo.state } }] },
    data: { odooState: odoo.state },
  });
  if (changes.outcome === "UNCHANGED" && count)
    return { outcome: "CHANGED", summary: `Odoo state ${odoo.state}`, ...result };

  return { ...changes, ...result };
}
