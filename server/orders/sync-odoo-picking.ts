import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { odooLineText, planShipmentItems, type TShipmentLine } from "@/lib/orders/plan-shipment-items";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { ensureExternalRecord } from "@/server/integrations/ensure-external-record";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { enqueue } from "@/server/jobs/enqueue";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { ensureShippedFulfilment, getMedusaAdminOrder } from "@/server/medusa/fulfilments";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { getPickingWithMoves, type TOdooPickingWithMoves } from "@/server/odoo/pickings";
import { getProductsByIds } from "@/server/odoo/products";
import { getSaleOrderWithLines } from "@/server/odoo/sale-orders";
import { findOrderForSaleOrder } from "@/server/orders/find-order-for-sale-order";
import { syncOdooSaleOrder } from "@/server/orders/sync-odoo-sale-order";

/** What the shipment holds: the picking's done quantities per product, with our SKU and Odoo's line text. */
async function shipmentLines(client: OdooClient, picking: TOdooPickingWithMoves): Promise<TShipmentLine[]> {
  const moves = picking.moves.filter((move) => move.state === "done" && move.quantity > 0);
  const productIds = [...new Set(moves.map((move) => move.productId))];
  const [products, saleOrder] = await Promise.all([
    productIds.length ? getProductsByIds(client, productIds) : [],
    picking.saleOrderId ? getSaleOrderWithLines(client, picking.saleOrderId) : null,
  ]);

  return moves.map((move) => {
    const product = products.find((candidate) => candidate.id === move.productId);
    const line = saleOrder?.lines.find((candidate) => candidate.id === move.saleLineId);

    return {
      sku: product?.sku ?? null,
      title: odooLineText(line?.description ?? null, product?.name ?? null).title,
      quantity: move.quantity,
    };
  });
}

async function claimShipment(orderId: string, picking: TOdooPickingWithMoves, lines: TShipmentLine[]) {
  const data = {
    orderId,
    odooPickingId: picking.id,
    odooPickingName: picking.name,
    trackingRef: picking.trackingRef,
    carrierName: picking.carrier?.name ?? null,
    lines,
    shippedAt: picking.doneAt ?? picking.writeDate ?? new Date(),
  };
  try {
    return await db.shipment.create({ data });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;

    return db.shipment.findUniqueOrThrow({ where: { odooPickingId: picking.id } });
  }
}

async function enqueueShippedEmail(
  tx: Prisma.TransactionClient,
  order: { id: string; reference: string; buyerId: string | null },
  trackingNumber: string,
  carrier: string | null,
) {
  if (!order.buyerId) return;
  const buyer = await tx.user.findUnique({ where: { id: order.buyerId }, select: { email: true, name: true } });
  if (!buyer) return;
  await enqueue(tx, sendEmailJob, {
    template: "order-shipped",
    to: buyer.email,
    data: {
      buyerName: buyer.name,
      orderReference: order.reference,
      trackingNumber,
      carrier,
      orderPath: `/orders/${order.id}`,
    },
  });
}

/**
 * Mirrors one validated Odoo delivery of one of our orders in Medusa: a fulfilment of the
 * delivered quantities, shipped with the picking's tracking number and carrier, and a Shipment
 * row the buyer sees, and the "order shipped" email to the buyer. Re-reads Odoo (the webhook is a hint); idempotent: the same picking again
 * creates nothing (UNCHANGED), also when webhook and reconciliation race (the Shipment row and
 * the external-ID claim are unique per picking). Pickings not done, not outgoing or not of an
 * order of ours are SKIPPED; an order whose Medusa copy does not exist yet is retried later.
 */
export async function syncOdooPicking(pickingId: number, client: OdooClient = getOdooClient()): Promise<TSyncResult> {
  if (!Number.isSafeInteger(pickingId) || pickingId <= 0)
    throw new AppError("INVALID_INPUT", `Not an Odoo picking id: ${String(pickingId)}`);
  const picking = await getPickingWithMoves(client, pickingId);
  const externalId = String(pickingId);
  if (!picking) return { outcome: "SKIPPED", summary: `Odoo has no delivery ${pickingId}`, externalId };
  if (picking.kind !== "outgoing" || picking.state !== "done")
    return {
      outcome: "SKIPPED",
      summary: `${picking.name} is ${picking.state ?? "in no state"}, not delivered`,
      externalId,
    };
  if (!picking.saleOrderId)
    return { outcome: "SKIPPED", summary: `${picking.name} belongs to no sale order`, externalId };
  // A sales rep's order can be delivered before its own webhook was processed: import it first.
  const order =
    (await findOrderForSaleOrder(client, picking.saleOrderId)) ??
    ((await syncOdooSaleOrder(picking.saleOrderId, client)).outcome === "CHANGED"
      ? await findOrderForSaleOrder(client, picking.saleOrderId)
      : null);
  if (!order) return { outcome: "SKIPPED", summary: `${picking.name} is not for an order of ours`, externalId };

  const existing = await db.shipment.findUnique({ where: { odooPickingId: pickingId } });
  if (existing?.medusaFulfilmentId) return { outcome: "UNCHANGED", localId: order.id, externalId };
  if (!order.medusaOrderId)
    throw new AppError("UPSTREAM_FAILED", `Order ${order.reference} has no Medusa order yet; the delivery waits.`);
  const medusaOrderId = order.medusaOrderId;

  const lines = await shipmentLines(client, picking);
  const shipment = existing ?? (await claimShipment(order.id, picking, lines));
  const fulfilmentId = await ensureExternalRecord(
    { system: "MEDUSA", entityType: "delivery", localId: shipment.id },
    {
      find: async () => null,
      create: async () => {
        const medusaOrder = await getMedusaAdminOrder(medusaOrderId);
        if (!medusaOrder) throw new AppError("NOT_FOUND", `Medusa has no order ${medusaOrderId}.`);
        const already = medusaOrder.fulfilments.find((f) => f.odooPickingId === pickingId && !f.cancelled);
        const items = already ? already.items : planShipmentItems(medusaOrder.items, lines);
        if (!items.length)
          throw new AppError(
            "INVALID_STATE",
            `Nothing of ${picking.name} matches a line of Medusa order ${medusaOrderId}.`,
          );

        return ensureShippedFulfilment({
          orderId: medusaOrderId,
          odooPickingId: pickingId,
          items,
          trackingRef: picking.trackingRef,
          carrierName: picking.carrier?.name ?? null,
        });
      },
    },
  );
  await db.$transaction(async (tx) => {
    // Only the first writer of the fulfilment id tells the buyer; a racing sync finds it written.
    const { count } = await tx.shipment.updateMany({
      where: { id: shipment.id, medusaFulfilmentId: null },
      data: { medusaFulfilmentId: fulfilmentId },
    });
    if (!count) return;
    if (picking.trackingRef) await enqueueShippedEmail(tx, order, picking.trackingRef, picking.carrier?.name ?? null);
    await recordAudit(tx, {
      actor: { system: "odoo" },
      action: "order.shipped",
      entityType: "order",
      entityId: order.id,
      organisationId: order.organisationId,
      after: { picking: picking.name, trackingRef: picking.trackingRef, carrier: picking.carrier?.name ?? null, lines },
    });
  });

  return {
    outcome: "CHANGED",
    summary: `${picking.name} shipped on ${order.reference}${picking.trackingRef ? `, tracking ${picking.trackingRef}` : ""}`,
    localId: order.id,
    externalId,
  };
}
