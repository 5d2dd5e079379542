// Delivery pickings: created and reserved on sale-order confirmation, validated (fully, or
// through the backorder wizard when quantities are short), cancelled with their order.
import type { Env } from "../orm/env";
import type { TRecord } from "../orm/types";
import { reserve, transfer, unreserve } from "./stock-quantities";

const LOCATION_STOCK = 5;
const LOCATION_CUSTOMERS = 2;
const BACKORDER_VIEW_ID = 938;
const PICKING_TYPE_DELIVERY = 2;

const nextPickingName = (env: Env) => `WH/OUT/${String(env.nextSequence("stock.picking.out")).padStart(5, "0")}`;
const movesOf = (env: Env, pickingId: number) =>
  env.inverseIds("stock.move", "picking_id", pickingId).map((id) => env.get("stock.move", id)!);

function moveState(reserved: number, demand: number): string {
  if (reserved >= demand) return "assigned";

  return reserved > 0 ? "partially_available" : "confirmed";
}

function pickingStateFromMoves(moves: TRecord[]): string {
  return moves.some((move) => ["assigned", "partially_available"].includes(String(move.state)))
    ? "assigned"
    : "confirmed";
}

/** The outgoing picking of a confirmed order: one move per goods line, reserved from stock. */
export function createDeliveryPicking(env: Env, order: TRecord, lines: TRecord[]): number | null {
  const goods = lines.filter(
    (line) =>
      env.get("product.template", env.get("product.product", line.product_id as number)?.product_tmpl_id as number)
        ?.type === "consu",
  );
  if (!goods.length) return null;
  const pickingId = env.create("stock.picking", {
    name: nextPickingName(env),
    origin: order.name,
    sale_id: order.id,
    partner_id: order.partner_shipping_id,
    picking_type_id: PICKING_TYPE_DELIVERY,
    picking_type_code: "outgoing",
    location_id: LOCATION_STOCK,
    location_dest_id: LOCATION_CUSTOMERS,
    scheduled_date: order.date_order,
    date_deadline: order.date_order,
    state: "confirmed",
  });
  for (const line of goods) {
    const demand = Number(line.product_uom_qty);
    const reserved = reserve(env, line.product_id as number, LOCATION_STOCK, demand);
    env.create("stock.move", {
      product_id: line.product_id,
      product_uom_qty: demand,
      quantity: reserved,
      picked: false,
      state: moveState(reserved, demand),
      picking_id: pickingId,
      picking_code: "outgoing",
      sale_line_id: line.id,
      location_id: LOCATION_STOCK,
      location_dest_id: LOCATION_CUSTOMERS,
    });
  }
  env.update("stock.picking", pickingId, { state: pickingStateFromMoves(movesOf(env, pickingId)) });

  return pickingId;
}

/**
 * action_assign ("Check availability"): moves still short of their demand reserve what stock
 * has come in since, as a warehouse worker does before validating a backorder.
 */
export function assignPickings(env: Env, ids: number[]): true {
  for (const pickingId of ids) {
    const picking = env.get("stock.picking", pickingId);
    if (!picking || ["done", "cancel", "draft"].includes(String(picking.state))) continue;
    for (const move of movesOf(env, pickingId)) {
      if (["done", "cancel"].includes(String(move.state))) continue;
      const missing = Number(move.product_uom_qty) - Number(move.quantity);
      if (missing <= 0) continue;
      const reserved =
        Number(move.quantity) + reserve(env, move.product_id as number, move.location_id as number, missing);
      env.update("stock.move", move.id, {
        quantity: reserved,
        state: moveState(reserved, Number(move.product_uom_qty)),
      });
    }
    env.update("stock.picking", pickingId, { state: pickingStateFromMoves(movesOf(env, pickingId)) });
  }

  return true;
}

/** button_validate: true when done; the backorder wizard action when quantities are short. */
export function validatePickings(env: Env, ids: number[]): true | Record<string, unknown> {
  env.write("stock.picking", ids, {});
  const open = ids
    .map((id) => env.get("stock.picking", id)!)
    .filter((picking) => !["done", "cancel"].includes(String(picking.state)));
  for (const picking of open) {
    const moves = movesOf(env, picking.id).filter((move) => move.state !== "cancel");
    if (!moves.some((move) => move.picked))
      for (const move of moves)
        if (Number(move.quantity) > 0) env.update("stock.move", move.id, { picked: true }, { touch: false });
  }
  const short = open.filter((picking) =>
    movesOf(env, picking.id).some(
      (move) => move.state !== "cancel" && Number(move.quantity) < Number(move.product_uom_qty),
    ),
  );
  if (short.length) {
    const pickIds = short.map((picking) => picking.id);

    return {
      name: "Create Backorder?",
      type: "ir.actions.act_window",
      view_mode: "form",
      res_model: "stock.backorder.confirmation",
      views: [[BACKORDER_VIEW_ID, "form"]],
      view_id: BACKORDER_VIEW_ID,
      target: "new",
      context: {
        button_validate_picking_ids: pickIds,
        default_show_transfers: false,
        default_pick_ids: pickIds.map((id) => [4, id]),
      },
    };
  }
  for (const picking of open) completePicking(env, picking.id);

  return true;
}

/** The wizard: validate what is there, and move the rest to a backorder (or cancel it). */
export function processBackorderWizard(env: Env, context: Record<string, unknown>, keepBackorder: boolean): true {
  const pickingIds = (context.button_validate_picking_ids as number[] | undefined) ?? [];
  for (const pickingId of pickingIds) {
    const picking = env.get("stock.picking", pickingId);
    if (!picking || ["done", "cancel"].includes(String(picking.state))) continue;
    const remaining: { move: TRecord; quantity: number }[] = [];
    for (const move of movesOf(env, pickingId)) {
      const missing = Number(move.product_uom_qty) - Number(move.quantity);
      if (missing <= 0 || move.state === "cancel") continue;
      if (Number(move.quantity) === 0) remaining.push({ move, quantity: missing });
      else {
        env.update("stock.move", move.id, { product_uom_qty: Number(move.quantity) });
        const rest = env.create("stock.move", {
          ...pickMoveValues(move),
          product_uom_qty: missing,
          quantity: 0,
          state: "confirmed",
          picking_id: pickingId,
        });
        remaining.push({ move: env.get("stock.move", rest)!, quantity: missing });
      }
    }
    if (remaining.length && keepBackorder) {
      const backorderId = env.create("stock.picking", {
        ...pickPickingValues(picking),
        name: nextPickingName(env),
        backorder_id: pickingId,
        state: "confirmed",
      });
      for (const { move } of remaining)
        env.update("stock.move", move.id, { picking_id: backorderId, state: "confirmed" });
    } else {
      for (const { move } of remaining) env.update("stock.move", move.id, { state: "cancel" });
    }
    completePicking(env, pickingId);
  }

  return true;
}

function pickMoveValues(move: TRecord) {
  const { product_id, sale_line_id, location_id, location_dest_id, picking_code } = move;

  return { product_id, sale_line_id, location_id, location_dest_id, picking_code, picked: false };
}

function pickPickingValues(picking: TRecord) {
  const {
    origin,
    sale_id,
    partner_id,
    picking_type_id,
    picking_type_code,
    location_id,
    location_dest_id,
    scheduled_date,
    date_deadline,
  } = picking;

  return {
    origin,
    sale_id,
    partner_id,
    picking_type_id,
    picking_type_code,
    location_id,
    location_dest_id,
    scheduled_date,
    date_deadline,
  };
}

/**
 * Moves the picked quantities (stock.quant writes: source first, then destination), marks
 * the picking done (the write automations see, before date_done is set) and updates the
 * order's delivered quantities.
 */
function completePicking(env: Env, pickingId: number): void {
  const picking = env.get("stock.picking", pickingId)!;
  for (const move of movesOf(env, pickingId)) {
    if (move.state === "cancel") continue;
    const quantity = Number(move.quantity);
    unreserve(env, move.product_id as number, move.location_id as number, quantity);
    if (quantity > 0)
      transfer(env, move.product_id as number, move.location_id as number, move.location_dest_id as number, quantity);
    env.update("stock.move", move.id, { state: "done", picked: true });
    if (move.sale_line_id) {
      const line = env.get("sale.order.line", move.sale_line_id as number);
      if (line) env.update("sale.order.line", line.id, { qty_delivered: Number(line.qty_delivered ?? 0) + quantity });
    }
  }
  env.write("stock.picking", [pickingId], { state: "done" });
  env.update("stock.picking", pickingId, { date_done: env.txNow });
  if (picking.sale_id) refreshDeliveryStatus(env, picking.sale_id as number);
}

/** sale_stock's delivery status, from the order's pickings (kept stored, as Odoo stores it). */
export function refreshDeliveryStatus(env: Env, orderId: number): void {
  const states = env
    .inverseIds("stock.picking", "sale_id", orderId)
    .map((id) => String(env.get("stock.picking", id)!.state));
  const lines = env.inverseIds("sale.order.line", "order_id", orderId).map((id) => env.get("sale.order.line", id)!);
  const anyDone = states.includes("done");
  let status: string | false = "pending";
  if (states.every((state) => state === "cancel")) status = false;
  else if (states.every((state) => state === "done" || state === "cancel")) status = "full";
  else if (anyDone && lines.some((line) => Number(line.qty_delivered ?? 0) !== 0)) status = "partial";
  else if (anyDone) status = "started";
  env.update("sale.order", orderId, { delivery_status: status });
}

/** Cancels the order's open pickings and releases their reservations. */
export function cancelPickings(env: Env, orderId: number): void {
  for (const pickingId of env.inverseIds("stock.picking", "sale_id", orderId)) {
    const picking = env.get("stock.picking", pickingId)!;
    if (["done", "cancel"].includes(String(picking.state))) continue;
    for (const move of movesOf(env, pickingId)) {
      unreserve(env, move.product_id as number, move.location_id as number, Number(move.quantity));
      env.update("stock.move", move.id, { state: "cancel", quantity: 0 });
    }
    env.write("stock.picking", [pickingId], { state: "cancel" });
  }
  refreshDeliveryStatus(env, orderId);
}
