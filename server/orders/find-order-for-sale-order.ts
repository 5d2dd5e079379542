import "server-only";
import { db } from "@/server/db";
import type { OdooClient } from "@/server/odoo/client";
import { getSaleOrderWithLines } from "@/server/odoo/sale-orders";

const ORDER_SELECT = {
  id: true,
  reference: true,
  organisationId: true,
  buyerId: true,
  source: true,
  status: true,
  medusaOrderId: true,
  odooOrderId: true,
} as const;

/**
 * Our order for an Odoo sale order: by the Odoo id we stored, else by our reference in its
 * client_order_ref — the push stores the id only after Odoo answered, and Odoo's webhooks can
 * arrive before that. Null when the sale order is not ours. Reads only.
 */
export async function findOrderForSaleOrder(client: OdooClient, saleOrderId: number, clientOrderRef?: string | null) {
  const byId = await db.order.findUnique({ where: { odooOrderId: saleOrderId }, select: ORDER_SELECT });
  if (byId) return byId;
  const ref =
    clientOrderRef !== undefined ? clientOrderRef : (await getSaleOrderWithLines(client, saleOrderId))?.clientOrderRef;

  return ref ? db.order.findUnique({ where: { reference: ref.trim() }, select: ORDER_SELECT }) : null;
}
