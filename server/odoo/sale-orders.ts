import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { OdooClient } from "@/server/odoo/client";
import { OdooError } from "@/server/odoo/errors";
import { readChangedSince, type TChangeCursor, type TChangedPage } from "@/server/odoo/changed-since";
import {
  fieldsOf,
  fromMinorUnits,
  odooDatetime,
  odooIds,
  odooMany2one,
  odooBoolean,
  odooMoney,
  odooNumber,
  odooRecord,
  odooSelection,
  odooText,
  toOdooDatetime,
} from "@/server/odoo/mappers";
import { parseGatewayInput, withAppErrors } from "@/server/odoo/to-app-error";

// sale.order, found by our reference (`client_order_ref`). Each JSON-2 call is its own
// transaction and Odoo has no idempotency key, so pushing an order is: look up by reference,
// create if absent, confirm if still a quotation. A crash between any two steps leaves a
// state the next attempt resumes from. Tradepost sends the prices; Odoo decides the taxes.

const MODEL = "sale.order";
const LINE_MODEL = "sale.order.line";

const ORDER = {
  name: odooText,
  state: odooSelection(["draft", "sent", "sale", "cancel"]),
  client_order_ref: odooText,
  origin: odooText,
  partner_id: odooMany2one,
  partner_invoice_id: odooMany2one,
  partner_shipping_id: odooMany2one,
  date_order: odooDatetime,
  amount_untaxed: odooMoney,
  amount_tax: odooMoney,
  amount_total: odooMoney,
  currency_id: odooMany2one,
  order_line: odooIds,
  picking_ids: odooIds,
  delivery_status: odooSelection(["pending", "started", "partial", "full"]),
  invoice_status: odooSelection(["upselling", "invoiced", "to invoice", "no"]),
  write_date: odooDatetime,
};
const ORDER_FIELDS = fieldsOf(ORDER);

const ZOrder = odooRecord(ORDER).transform((o) => ({
  id: o.id,
  name: o.name ?? "",
  state: o.state,
  clientOrderRef: o.client_order_ref,
  origin: o.origin,
  partnerId: o.partner_id?.id ?? null,
  invoiceAddressId: o.partner_invoice_id?.id ?? null,
  shippingAddressId: o.partner_shipping_id?.id ?? null,
  orderedAt: o.date_order,
  amountUntaxedMinor: o.amount_untaxed,
  amountTaxMinor: o.amount_tax,
  amountTotalMinor: o.amount_total,
  currency: o.currency_id?.name ?? null,
  lineIds: o.order_line,
  pickingIds: o.picking_ids,
  deliveryStatus: o.delivery_status,
  invoiceStatus: o.invoice_status,
  writeDate: o.write_date,
}));

const LINE = {
  order_id: odooMany2one,
  sequence: odooNumber,
  display_type: odooSelection(["line_section", "line_subsection", "line_note"]),
  product_id: odooMany2one,
  name: odooText,
  product_uom_qty: odooNumber,
  qty_delivered: odooNumber,
  price_unit: odooMoney,
  discount: odooNumber,
  price_subtotal: odooMoney,
  price_tax: odooMoney,
  price_total: odooMoney,
  tax_ids: odooIds,
  is_delivery: odooBoolean,
};
const LINE_FIELDS = fieldsOf(LINE);

const ZLine = odooRecord(LINE).transform((l) => ({
  id: l.id,
  orderId: l.order_id?.id ?? 0,
  productId: l.product_id?.id ?? null,
  description: l.name,
  isNote: l.display_type !== null,
  quantity: l.product_uom_qty,
  quantityDelivered: l.qty_delivered,
  unitPriceMinor: l.price_unit,
  discountPercent: l.discount,
  subtotalMinor: l.price_subtotal,
  taxMinor: l.price_tax,
  totalMinor: l.price_total,
  taxIds: l.tax_ids,
  /** The carrier's charge (module `delivery`), not goods. */
  isDelivery: l.is_delivery,
}));

export type TOdooSaleOrder = z.infer<typeof ZOrder>;
export type TOdooSaleOrderLine = z.infer<typeof ZLine>;
export type TOdooSaleOrderWithLines = TOdooSaleOrder & { lines: TOdooSaleOrderLine[] };

export const ZSaleOrderInput = z.object({
  clientOrderRef: z.string().min(1).max(64),
  partnerId: z.number().int().positive(),
  shippingAddressId: z.number().int().positive().optional(),
  invoiceAddressId: z.number().int().positive().optional(),
  origin: z.string().max(120).optional(),
  note: z.string().optional(),
  paymentTermId: z.number().int().positive().optional(),
  /** The delivery date the customer asked for (Odoo's commitment_date). */
  commitmentDate: z.date().optional(),
  /**
   * The shipping method and our price for it: as Odoo's delivery module does it, the order's
   * carrier_id plus a line for the carrier's (service) product marked is_delivery.
   */
  carrier: z
    .object({
      carrierId: z.number().int().positive(),
      productId: z.number().int().positive(),
      name: z.string().min(1),
      priceMinor: z.number().int().nonnegative(),
    })
    .optional(),
  lines: z
    .array(
      z.object({
        productId: z.number().int().positive(),
        quantity: z.number().positive(),
        // Always sent: the price is Tradepost's decision, never Odoo's pricelist.
        unitPriceMinor: z.number().int().nonnegative(),
        description: z.string().min(1).optional(),
      }),
    )
    .min(1),
});
export type TSaleOrderInput = z.infer<typeof ZSaleOrderInput>;

/** The order with our reference (any state); null when there is none. Reads only. */
export function getSaleOrderByRef(client: OdooClient, clientOrderRef: string): Promise<TOdooSaleOrder | null> {
  return withAppErrors(async () => {
    const [order] = await client.searchRead(MODEL, ORDER_FIELDS, ZOrder, {
      domain: [["client_order_ref", "=", clientOrderRef]],
      order: "id asc",
      limit: 1,
    });

    return order ?? null;
  });
}

/** An order with its lines (two reads); null when Odoo has no such order. Reads only. */
export function getSaleOrderWithLines(client: OdooClient, id: number): Promise<TOdooSaleOrderWithLines | null> {
  return withAppErrors(async () => {
    const [order] = await client.read(MODEL, [id], ORDER_FIELDS, ZOrder);
    if (!order) return null;
    const lines = order.lineIds.length ? await client.read(LINE_MODEL, order.lineIds, LINE_FIELDS, ZLine) : [];

    return { ...order, lines };
  });
}

/**
 * Creates the quotation for our reference unless an order with it exists (in any state).
 * Idempotent; `created` says whether this call created it. Does not confirm. `beforeCreate`
 * runs once the look-up found nothing, just before the create is sent (it may refuse by throwing).
 */
export function createSaleOrder(
  client: OdooClient,
  input: TSaleOrderInput,
  { beforeCreate }: { beforeCreate?: () => Promise<void> } = {},
): Promise<{ id: number; created: boolean }> {
  return withAppErrors(async () => {
    const order = parseGatewayInput(ZSaleOrderInput, input);
    const existing = await getSaleOrderByRef(client, order.clientOrderRef);
    if (existing) return { id: existing.id, created: false };
    const lines: unknown[] = order.lines.map((line) => [
      0,
      0,
      {
        product_id: line.productId,
        product_uom_qty: line.quantity,
        price_unit: fromMinorUnits(line.unitPriceMinor),
        ...(line.description ? { name: line.description } : {}),
      },
    ]);
    const { carrier } = order;
    if (carrier)
      lines.push([
        0,
        0,
        {
          product_id: carrier.productId,
          product_uom_qty: 1,
          price_unit: fromMinorUnits(carrier.priceMinor),
          name: carrier.name,
          is_delivery: true,
        },
      ]);
    await beforeCreate?.();
    const [id] = await client.create(MODEL, {
      partner_id: order.partnerId,
      client_order_ref: order.clientOrderRef,
      order_line: lines,
      ...(carrier ? { carrier_id: carrier.carrierId } : {}),
      ...(order.paymentTermId ? { payment_term_id: order.paymentTermId } : {}),
      ...(order.commitmentDate ? { commitment_date: toOdooDatetime(order.commitmentDate) } : {}),
      ...(order.shippingAddressId ? { partner_shipping_id: order.shippingAddressId } : {}),
      ...(order.invoiceAddressId ? { partner_invoice_id: order.invoiceAddressId } : {}),
      ...(order.origin ? { origin: order.origin } : {}),
      ...(order.note ? { note: order.note } : {}),
    });

    return { id: id!, created: true };
  });
}

/**
 * Confirms a quotation (action_confirm: Odoo creates the delivery). Idempotent: an order
 * already confirmed is left alone (`confirmed: false`); a cancelled one is INVALID_STATE.
 * `knownState`: the state the caller has just read, to skip reading it again.
 */
export function confirmSaleOrder(
  client: OdooClient,
  id: number,
  { knownState }: { knownState?: string } = {},
): Promise<{ confirmed: boolean }> {
  return withAppErrors(async () => {
    // A state the caller has just read saves a call (a stale one is caught below, as a race is).
    const state = knownState ?? (await readState(client, id));
    if (state === "sale") return { confirmed: false };
    if (state !== "draft" && state !== "sent") {
      throw new AppError(
        "INVALID_STATE",
        `Odoo sale order ${id} is ${state ?? "in no state"} and cannot be confirmed.`,
      );
    }
    try {
      await client.callMethod(MODEL, "action_confirm", [id], z.unknown());
    } catch (error) {
      // Odoo refuses to confirm an order that is no longer a quotation: someone (another
      // attempt, a sales rep) confirmed it since we read it. That is the outcome we wanted.
      if (
        error instanceof OdooError &&
        error.exceptionName === "UserError" &&
        (await readState(client, id)) === "sale"
      ) {
        return { confirmed: false };
      }
      throw error;
    }

    return { confirmed: true };
  });
}

async function readState(client: OdooClient, id: number): Promise<string | null> {
  const [order] = await client.read(MODEL, [id], ["state"], odooRecord({ state: odooText }));
  if (!order) throw new AppError("NOT_FOUND", `Odoo has no sale order ${id}.`);

  return order.state;
}

/** One page of orders written since the cursor (without lines). Reads only. */
export function findSaleOrdersChangedSince(
  client: OdooClient,
  cursor: TChangeCursor,
  { limit }: { limit?: number } = {},
): Promise<TChangedPage<TOdooSaleOrder>> {
  return withAppErrors(() =>
    readChangedSince(client, { model: MODEL, fields: ORDER_FIELDS, schema: ZOrder, cursor, limit }),
  );
}
