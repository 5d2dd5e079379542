import "server-only";
import type { z } from "zod";
import type { OdooClient } from "@/server/odoo/client";
import { fieldsOf, odooMany2one, odooRecord, odooSelection, odooText } from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// Bulk look-ups over sale orders and deliveries for the drift report: which of many ids still
// exist, which orders carry a reference of ours, which deliveries are done. Reads only, a few
// fields, one call each (sale-orders.ts and pickings.ts hold the per-record reads and writes).

const ORDER_REF = { name: odooText, client_order_ref: odooText, state: odooText };
const ZOrderRef = odooRecord(ORDER_REF).transform((o) => ({
  id: o.id,
  name: o.name ?? "",
  clientOrderRef: o.client_order_ref,
  state: o.state,
}));
const DONE_PICKING = { name: odooText, sale_id: odooMany2one, state: odooSelection(["done"]) };
const ZDonePicking = odooRecord(DONE_PICKING).transform((p) => ({
  id: p.id,
  name: p.name ?? "",
  saleOrderId: p.sale_id?.id ?? null,
}));

export type TOdooOrderRef = z.infer<typeof ZOrderRef>;

/** Which of these sale order ids Odoo still has. */
export function findExistingSaleOrderIds(client: OdooClient, ids: number[]): Promise<number[]> {
  return withAppErrors(async () => (ids.length ? client.search("sale.order", [["id", "in", ids]]) : []));
}

/** Sale orders whose client_order_ref starts with our prefix (e.g. "TP-"), newest first. */
export function findSaleOrdersWithRefPrefix(client: OdooClient, prefix: string, limit = 500): Promise<TOdooOrderRef[]> {
  return withAppErrors(() =>
    client.searchRead("sale.order", fieldsOf(ORDER_REF), ZOrderRef, {
      domain: [["client_order_ref", "=like", `${prefix}%`]],
      order: "id desc",
      limit,
    }),
  );
}

/** The done outgoing deliveries of these sale orders. */
export function findDoneDeliveries(client: OdooClient, saleOrderIds: number[]) {
  return withAppErrors(async () =>
    saleOrderIds.length
      ? client.searchRead("stock.picking", fieldsOf(DONE_PICKING), ZDonePicking, {
          domain: [
            ["sale_id", "in", saleOrderIds],
            ["state", "=", "done"],
            ["picking_type_code", "=", "outgoing"],
          ],
          order: "id asc",
        })
      : [],
  );
}
