import "server-only";
import { z } from "zod";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { readableOrders } from "@/server/orders/order-scope";

export type TShipmentView = {
  id: string;
  pickingName: string;
  trackingRef: string | null;
  carrierName: string | null;
  shippedAt: Date;
  lines: { sku: string | null; title: string; quantity: number }[];
};
export type TInvoiceView = {
  id: string;
  number: string;
  isCreditNote: boolean;
  invoiceDate: Date | null;
  dueDate: Date | null;
  currency: string;
  amountTotalMinor: number;
  amountResidualMinor: number;
  paymentState: string;
  cancelled: boolean;
  /** Something is still due and the due date has passed. */
  overdue: boolean;
};
export type TErpChangeView = { at: Date; action: string; lines: { title: string; quantity: number }[] };
export type TOrderDeliveries = { shipments: TShipmentView[]; invoices: TInvoiceView[]; erpChanges: TErpChangeView[] };

const ZLines = z
  .array(z.object({ sku: z.string().nullable().catch(null), title: z.string(), quantity: z.number() }))
  .catch([]);
const ZChange = z
  .object({ lines: z.array(z.object({ title: z.string(), quantity: z.number() })).catch([]) })
  .catch({ lines: [] });

export const toInvoiceView = (invoice: {
  id: string;
  number: string;
  moveType: string;
  invoiceDate: Date | null;
  dueDate: Date | null;
  currency: string;
  amountTotalMinor: number;
  amountResidualMinor: number;
  paymentState: string;
  state: string;
}): TInvoiceView => ({
  id: invoice.id,
  number: invoice.number,
  isCreditNote: invoice.moveType === "out_refund",
  invoiceDate: invoice.invoiceDate,
  dueDate: invoice.dueDate,
  currency: invoice.currency,
  amountTotalMinor: invoice.amountTotalMinor,
  amountResidualMinor: invoice.amountResidualMinor,
  paymentState: invoice.paymentState,
  cancelled: invoice.state === "cancel",
  overdue:
    invoice.state === "posted" &&
    invoice.amountResidualMinor > 0 &&
    !!invoice.dueDate &&
    invoice.dueDate.getTime() < Date.now() - 86_400_000,
});

/**
 * What Odoo did with an order, for its page: shipments with tracking, invoices with what is
 * due, and the changes Odoo made (from the order's timeline). Scoped like the order itself
 * (empty for an order the reader may not see). Reads only.
 */
export async function getOrderDeliveries(user: TSessionUser, orderId: string): Promise<TOrderDeliveries> {
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, readableOrders(user)] },
    select: {
      id: true,
      organisationId: true,
      shipments: { orderBy: { shippedAt: "asc" } },
      invoices: { orderBy: [{ invoiceDate: "asc" }, { number: "asc" }] },
    },
  });
  if (!order) return { shipments: [], invoices: [], erpChanges: [] };
  const changes = await db.auditLog.findMany({
    where: {
      entityType: "order",
      entityId: order.id,
      organisationId: order.organisationId,
      action: { in: ["order.changed-in-odoo", "order.cancelled-in-odoo"] },
    },
    orderBy: { at: "asc" },
  });

  return {
    shipments: order.shipments.map((shipment) => ({
      id: shipment.id,
      pickingName: shipment.odooPickingName,
      trackingRef: shipment.trackingRef,
      carrierName: shipment.carrierName,
      shippedAt: shipment.shippedAt,
      lines: ZLines.parse(shipment.lines),
    })),
    invoices: order.invoices.map(toInvoiceView),
    erpChanges: changes.map((change) => ({
      at: change.at,
      action: change.action,
      lines: ZChange.parse(change.after).lines,
    })),
  };
}
