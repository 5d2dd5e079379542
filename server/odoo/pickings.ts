import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { OdooClient } from "@/server/odoo/client";
import { readChangedSince, type TChangeCursor, type TChangedPage } from "@/server/odoo/changed-since";
import {
  fieldsOf,
  odooDatetime,
  odooIds,
  odooMany2one,
  odooNumber,
  odooRecord,
  odooSelection,
  odooText,
} from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// stock.picking: the deliveries Odoo makes for a confirmed order. `carrier_id` and
// `carrier_tracking_ref` exist only with the stock_delivery module (installed with delivery).
// After delivery the order's state stays "sale"; the picking says what happened.

const MODEL = "stock.picking";
const PICKING_STATES = ["draft", "waiting", "confirmed", "assigned", "done", "cancel"] as const;

const PICKING = {
  name: odooText,
  state: odooSelection(PICKING_STATES),
  picking_type_code: odooSelection(["incoming", "outgoing", "internal"]),
  origin: odooText,
  sale_id: odooMany2one,
  partner_id: odooMany2one,
  carrier_id: odooMany2one,
  carrier_tracking_ref: odooText,
  scheduled_date: odooDatetime,
  date_done: odooDatetime,
  move_ids: odooIds,
  backorder_id: odooMany2one,
  write_date: odooDatetime,
};
const PICKING_FIELDS = fieldsOf(PICKING);

const ZPicking = odooRecord(PICKING).transform((p) => ({
  id: p.id,
  name: p.name ?? "",
  state: p.state,
  kind: p.picking_type_code,
  origin: p.origin,
  saleOrderId: p.sale_id?.id ?? null,
  partnerId: p.partner_id?.id ?? null,
  carrier: p.carrier_id,
  trackingRef: p.carrier_tracking_ref,
  scheduledAt: p.scheduled_date,
  doneAt: p.date_done,
  moveIds: p.move_ids,
  backorderOfId: p.backorder_id?.id ?? null,
  writeDate: p.write_date,
}));

const MOVE = {
  product_id: odooMany2one,
  product_uom_qty: odooNumber,
  quantity: odooNumber,
  state: odooSelection(["draft", "waiting", "confirmed", "partially_available", "assigned", "done", "cancel"]),
  sale_line_id: odooMany2one,
};
const MOVE_FIELDS = fieldsOf(MOVE);

const ZMove = odooRecord(MOVE).transform((m) => ({
  id: m.id,
  productId: m.product_id?.id ?? 0,
  demand: m.product_uom_qty,
  quantity: m.quantity,
  state: m.state,
  saleLineId: m.sale_line_id?.id ?? null,
}));

export type TOdooPicking = z.infer<typeof ZPicking>;
export type TOdooStockMove = z.infer<typeof ZMove>;
export type TOdooPickingWithMoves = TOdooPicking & { moves: TOdooStockMove[] };

// What button_validate returns when quantities are short: the backorder wizard's window action.
const ZValidateResult = z.union([
  z.literal(true),
  z.null(),
  z
    .object({
      type: z.string(),
      res_model: z.string().optional(),
      context: z.record(z.string(), z.unknown()).optional(),
    })
    .loose(),
]);

/** The deliveries (and backorders) of a sale order, oldest first, with their moves. Reads only. */
export function findPickingsForSaleOrder(client: OdooClient, saleOrderId: number): Promise<TOdooPickingWithMoves[]> {
  return withAppErrors(async () => {
    const pickings = await client.searchRead(MODEL, PICKING_FIELDS, ZPicking, {
      domain: [["sale_id", "=", saleOrderId]],
      order: "id asc",
    });
    const moveIds = pickings.flatMap((picking) => picking.moveIds);
    const moves = moveIds.length ? await client.read("stock.move", moveIds, MOVE_FIELDS, ZMove) : [];

    return pickings.map((picking) => ({
      ...picking,
      moves: moves.filter((move) => picking.moveIds.includes(move.id)),
    }));
  });
}

/** One delivery with its moves; null when Odoo has no such picking. Reads only. */
export function getPickingWithMoves(client: OdooClient, pickingId: number): Promise<TOdooPickingWithMoves | null> {
  return withAppErrors(async () => {
    const [picking] = await client.read(MODEL, [pickingId], PICKING_FIELDS, ZPicking);
    if (!picking) return null;
    const moves = picking.moveIds.length ? await client.read("stock.move", picking.moveIds, MOVE_FIELDS, ZMove) : [];

    return { ...picking, moves };
  });
}

/** Sets the carrier's tracking reference (a plain write; fires no webhook in Odoo). Idempotent. */
export function setPickingTrackingRef(client: OdooClient, pickingId: number, trackingRef: string): Promise<void> {
  return withAppErrors(async () => {
    await client.write(MODEL, [pickingId], { carrier_tracking_ref: trackingRef });
  });
}

export type TValidatePickingResult = { validated: boolean; backorderIds: number[] };

/**
 * Validates a delivery with the quantities Odoo has reserved. When some are short, Odoo
 * answers with its backorder wizard instead of validating; this completes it the way the web
 * client does: `backorder: "keep"` leaves the rest in a new picking, "cancel" drops it.
 * Idempotent: a picking already done is left alone (`validated: false`).
 */
export function validatePicking(
  client: OdooClient,
  pickingId: number,
  { backorder = "keep" }: { backorder?: "keep" | "cancel" } = {},
): Promise<TValidatePickingResult> {
  return withAppErrors(async () => {
    const [picking] = await client.read(MODEL, [pickingId], ["state"], odooRecord({ state: odooText }));
    if (!picking) throw new AppError("NOT_FOUND", `Odoo has no delivery ${pickingId}.`);
    if (picking.state === "cancel") throw new AppError("INVALID_STATE", `Odoo delivery ${pickingId} is cancelled.`);
    const validated = picking.state !== "done";
    if (validated) {
      const result = await client.callMethod(MODEL, "button_validate", [pickingId], ZValidateResult);
      if (result !== true && result !== null) await completeWizard(client, pickingId, result, backorder);
    }
    const backorderIds = await client.search(MODEL, [["backorder_id", "=", pickingId]], { order: "id asc" });

    return { validated, backorderIds };
  });
}

async function completeWizard(
  client: OdooClient,
  pickingId: number,
  action: Exclude<z.infer<typeof ZValidateResult>, true | null>,
  backorder: "keep" | "cancel",
) {
  if (action.res_model !== "stock.backorder.confirmation") {
    throw new AppError(
      "INVALID_STATE",
      `Odoo wants a confirmation Tradepost cannot give for delivery ${pickingId} (${action.res_model ?? action.type}).`,
    );
  }
  // The wizard reads the pickings to validate from the action's context, on create and on process.
  const context = action.context ?? {};
  const [wizardId] = await client.create("stock.backorder.confirmation", {}, context);
  await client.callMethod(
    "stock.backorder.confirmation",
    backorder === "keep" ? "process" : "process_cancel_backorder",
    [wizardId!],
    z.unknown(),
    { context },
  );
}

/** One page of done deliveries (outgoing pickings) written since the cursor (without moves). Reads only. */
export function findPickingsChangedSince(
  client: OdooClient,
  cursor: TChangeCursor,
  { limit }: { limit?: number } = {},
): Promise<TChangedPage<TOdooPicking>> {
  return withAppErrors(() =>
    readChangedSince(client, {
      model: MODEL,
      fields: PICKING_FIELDS,
      schema: ZPicking,
      // Only a done delivery is a shipment; one still waiting appears again when it is done (written then).
      domain: [
        ["picking_type_code", "=", "outgoing"],
        ["state", "=", "done"],
      ],
      cursor,
      limit,
    }),
  );
}
