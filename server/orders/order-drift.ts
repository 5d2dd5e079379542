import "server-only";
import { db } from "@/server/db";
import { enqueue } from "@/server/jobs/enqueue";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import type { OdooClient } from "@/server/odoo/client";
import { findDoneDeliveries, findExistingSaleOrderIds, findSaleOrdersWithRefPrefix } from "@/server/odoo/order-lookups";
import { syncOdooPicking } from "@/server/orders/sync-odoo-picking";

export type TOrderFinding = {
  model: "sale.order" | "stock.picking";
  odooId: number;
  field: "exists" | "linked" | "shipped";
  cached: string | null;
  actual: string | null;
  /** Our order it concerns. */
  orderId: string;
};

// Orders older than this are settled; the report looks at recent ones only.
const WINDOW_DAYS = 90;
const REFERENCE_PREFIX = "TP-";

/**
 * Orders between us and Odoo that disagree: pushed but missing in Odoo; in Odoo with our
 * reference but not linked here (a push that never stored its answer); deliveries done in Odoo
 * that have no shipment here (a lost webhook the reconciliation has not caught). Reads only.
 */
export async function findOrderDrift(client: OdooClient): Promise<TOrderFinding[]> {
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  const linked = await db.order.findMany({
    where: { odooOrderId: { not: null }, placedAt: { gte: since } },
    select: {
      id: true,
      odooOrderId: true,
      status: true,
      shipments: { select: { odooPickingId: true, medusaFulfilmentId: true } },
    },
  });
  const findings: TOrderFinding[] = [];
  const existing = new Set(
    await findExistingSaleOrderIds(
      client,
      linked.map((o) => o.odooOrderId!),
    ),
  );
  for (const order of linked)
    if (!existing.has(order.odooOrderId!))
      findings.push({
        model: "sale.order",
        odooId: order.odooOrderId!,
        field: "exists",
        cached: "true",
        actual: "false",
        orderId: order.id,
      });

  const withRef = await findSaleOrdersWithRefPrefix(client, REFERENCE_PREFIX);
  const ours = await db.order.findMany({
    where: { reference: { in: withRef.flatMap((o) => (o.clientOrderRef ? [o.clientOrderRef.trim()] : [])) } },
    select: { id: true, reference: true, odooOrderId: true },
  });
  for (const odoo of withRef) {
    const order = ours.find((candidate) => candidate.reference === odoo.clientOrderRef?.trim());
    if (order && order.odooOrderId === null && odoo.state !== "cancel")
      findings.push({
        model: "sale.order",
        odooId: odoo.id,
        field: "linked",
        cached: null,
        actual: order.reference,
        orderId: order.id,
      });
  }

  const placed = linked.filter((order) => order.status === "PLACED" && existing.has(order.odooOrderId!));
  for (const picking of await findDoneDeliveries(
    client,
    placed.map((o) => o.odooOrderId!),
  )) {
    const order = placed.find((candidate) => candidate.odooOrderId === picking.saleOrderId);
    if (order && !order.shipments.some((s) => s.odooPickingId === picking.id && s.medusaFulfilmentId))
      findings.push({
        model: "stock.picking",
        odooId: picking.id,
        field: "shipped",
        cached: "false",
        actual: picking.name,
        orderId: order.id,
      });
  }

  return findings;
}

/**
 * The heal for one finding, through the ordinary idempotent paths: a missing or unlinked Odoo
 * order is pushed again (the push looks up by our reference before it creates, and stores the
 * link); a delivery without its shipment is synced.
 */
export async function healOrderDrift(finding: TOrderFinding, client: OdooClient): Promise<void> {
  if (finding.model === "stock.picking") {
    await syncOdooPicking(finding.odooId, client);

    return;
  }
  await db.$transaction(async (tx) => {
    await tx.order.update({ where: { id: finding.orderId }, data: { pushStatus: "QUEUED" } });
    await enqueue(tx, pushOrderToOdooJob, { orderId: finding.orderId }, { singletonKey: finding.orderId });
  });
}
