import "server-only";
import { formatMoney } from "@/lib/pricing/units";
import { db } from "@/server/db";
import type { TTimelineEvent } from "@/server/operations/timeline-event";

type TOrderAfterPush = {
  id: string;
  odooOrderId: number | null;
  odooOrderName: string | null;
  medusaOrderId: string | null;
  cancelledAt: Date | null;
};

/** Audit actions the events below already tell, with more detail: the timeline skips them. */
export const AUDITS_TOLD_AFTER_PUSH = new Set(["order.shipped", "order.cancelled-in-odoo"]);

const syncLogOf = (q: string | number) => `/portal/operations/sync-log?q=${encodeURIComponent(String(q))}`;

/**
 * What happened to one order after Odoo took it, from our own rows only (no Odoo or Medusa
 * call): each delivery done in Odoo and the shipped fulfilment it became in Medusa (with the
 * tracking number), each cached Odoo invoice, the cancellation, and every webhook about the
 * order's sale order, pickings and invoices, with the sync runs of those invoices. Read-only.
 */
export async function findOrderEventsAfterPush(order: TOrderAfterPush): Promise<TTimelineEvent[]> {
  const [shipments, invoices, cancellation] = await Promise.all([
    db.shipment.findMany({ where: { orderId: order.id }, orderBy: { shippedAt: "asc" } }),
    db.invoice.findMany({ where: { orderId: order.id } }),
    order.cancelledAt
      ? db.auditLog.findFirst({ where: { entityId: order.id, action: "order.cancelled-in-odoo" } })
      : null,
  ]);
  const subjects = [
    ...(order.odooOrderId ? [{ subjectType: "sale.order", subjectId: String(order.odooOrderId) }] : []),
    ...shipments.map((shipment) => ({ subjectType: "stock.picking", subjectId: String(shipment.odooPickingId) })),
    ...invoices.map((invoice) => ({ subjectType: "account.move", subjectId: String(invoice.odooMoveId) })),
  ];
  const [fulfilmentLinks, invoiceRuns, deliveries] = await Promise.all([
    db.externalLink.findMany({
      where: { system: "MEDUSA", entityType: "delivery", localId: { in: shipments.map((shipment) => shipment.id) } },
    }),
    db.syncRun.findMany({
      where: { localId: { in: invoices.map((invoice) => invoice.id) } },
      orderBy: { startedAt: "asc" },
      take: 200,
    }),
    subjects.length
      ? db.inboundDelivery.findMany({ where: { OR: subjects }, orderBy: { receivedAt: "asc" }, take: 200 })
      : [],
  ]);
  const subjectNames = new Map<string, string>([
    [`sale.order#${order.odooOrderId}`, order.odooOrderName ?? `sale order ${order.odooOrderId}`],
    ...shipments.map((s) => [`stock.picking#${s.odooPickingId}`, `delivery ${s.odooPickingName}`] as const),
    ...invoices.map((i) => [`account.move#${i.odooMoveId}`, `invoice ${i.number}`] as const),
  ]);

  const events: TTimelineEvent[] = [];
  for (const shipment of shipments) {
    const tracking = shipment.trackingRef ? `tracking ${shipment.trackingRef}` : "no tracking number";
    events.push({
      at: shipment.shippedAt,
      system: "Odoo",
      title: `Delivery ${shipment.odooPickingName} done in Odoo`,
      detail: [tracking, shipment.carrierName].filter(Boolean).join(" · "),
      outcome: "ok",
      record: shipment.odooPickingName,
      href: syncLogOf(shipment.odooPickingId),
    });
    if (!shipment.medusaFulfilmentId) continue;
    const link = fulfilmentLinks.find((candidate) => candidate.localId === shipment.id);
    events.push({
      at: link?.createdAt ?? shipment.updatedAt,
      system: "Medusa",
      title: `Fulfilment shipped in Medusa (${tracking})`,
      detail: `${shipment.odooPickingName} on Medusa order ${order.medusaOrderId ?? "?"}; the buyer sees the shipment`,
      outcome: "ok",
      record: shipment.medusaFulfilmentId,
      href: `/portal/mappings?q=${encodeURIComponent(shipment.medusaFulfilmentId)}`,
    });
  }
  for (const invoice of invoices) {
    const firstRun = invoiceRuns.find((run) => run.localId === invoice.id);
    events.push({
      at: firstRun && firstRun.startedAt < invoice.syncedAt ? firstRun.startedAt : invoice.syncedAt,
      system: "Odoo",
      title: `${invoice.moveType === "out_refund" ? "Credit note" : "Invoice"} ${invoice.number} ${invoice.state === "cancel" ? "cancelled" : "posted"} in Odoo`,
      detail: `${formatMoney(invoice.amountTotalMinor, invoice.currency)}, ${formatMoney(invoice.amountResidualMinor, invoice.currency)} due (${invoice.paymentState.replaceAll("_", " ")})`,
      outcome: invoice.state === "cancel" ? "info" : "ok",
      record: invoice.number,
      href: syncLogOf(invoice.odooMoveId),
    });
  }
  for (const run of invoiceRuns)
    events.push({
      at: run.startedAt,
      system: "Odoo",
      title: `${run.kind}: ${run.outcome.toLowerCase()}`,
      detail: run.error ?? run.summary ?? undefined,
      outcome: run.outcome === "FAILED" ? "failed" : "ok",
      durationMs: run.durationMs,
      correlationId: run.correlationId,
    });
  if (order.cancelledAt)
    events.push({
      at: order.cancelledAt,
      system: cancellation ? "Odoo" : "Tradepost",
      title: cancellation
        ? `Cancelled in Odoo (${order.odooOrderName ?? order.odooOrderId}), then in Medusa and Tradepost`
        : "Order cancelled",
      outcome: "info",
      record: order.odooOrderName ?? undefined,
      correlationId: cancellation?.correlationId,
    });
  for (const delivery of deliveries) {
    const subject = subjectNames.get(`${delivery.subjectType}#${delivery.subjectId}`) ?? delivery.subjectType;
    events.push({
      at: delivery.receivedAt,
      system: "Webhook",
      title: `Webhook ${delivery.subjectType} #${delivery.subjectId} (${subject}): ${delivery.status.toLowerCase()}`,
      detail: delivery.reason ?? undefined,
      outcome: delivery.status === "FAILED" || delivery.status === "REJECTED" ? "failed" : "ok",
      href: `/portal/operations/inbox?q=${delivery.id}`,
      correlationId: delivery.correlationId,
    });
  }

  return events;
}
