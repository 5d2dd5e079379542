// The pickings gateway against the emulator: the delivery of a confirmed order with its
// moves, the tracking reference, validation in one step, validation with short stock through
// Odoo's backorder wizard (keeping or dropping the rest), and the poll.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import type { OdooClient } from "@/server/odoo/client";
import { cursorAt } from "@/server/odoo/changed-since";
import {
  findPickingsChangedSince,
  findPickingsForSaleOrder,
  setPickingTrackingRef,
  validatePicking,
} from "@/server/odoo/pickings";
import { confirmSaleOrder, createSaleOrder, getSaleOrderWithLines } from "@/server/odoo/sale-orders";

const emulator = useOdooEmulator();

/** A confirmed order for `ordered` units of a product of which `onHand` are in stock. */
async function confirmedOrder(client: OdooClient, { onHand, ordered }: { onHand: number; ordered: number }) {
  const [customer] = await client.create("res.partner", { name: "Borealis Fitouts", is_company: true, country_id: 57 });
  const [productId] = await client.create("product.product", {
    name: "Chair",
    default_code: "CH-1",
    type: "consu",
    is_storable: true,
  });
  const [quantId] = await client.create(
    "stock.quant",
    { product_id: productId, location_id: 5, inventory_quantity: onHand },
    { inventory_mode: true },
  );
  await client.callMethod("stock.quant", "action_apply_inventory", [quantId!], z.null());
  const { id } = await createSaleOrder(client, {
    clientOrderRef: "TP-ORDER-1",
    partnerId: customer!,
    lines: [{ productId: productId!, quantity: ordered, unitPriceMinor: 8000 }],
  });
  await confirmSaleOrder(client, id);

  return { orderId: id, productId: productId! };
}

describe.each(ODOO_PROTOCOLS)("pickings over %s", (protocol) => {
  it("reads the delivery of an order with its moves, sets its tracking number and validates it once", async () => {
    const client = emulator.client(protocol);
    const { orderId, productId } = await confirmedOrder(client, { onHand: 10, ordered: 4 });

    const [picking] = await findPickingsForSaleOrder(client, orderId);
    expect(picking).toMatchObject({
      state: "assigned",
      kind: "outgoing",
      saleOrderId: orderId,
      trackingRef: null,
      doneAt: null,
      backorderOfId: null,
    });
    expect(picking!.moves.map((move) => [move.productId, move.demand, move.quantity, move.state])).toEqual([
      [productId, 4, 4, "assigned"],
    ]);

    await setPickingTrackingRef(client, picking!.id, "DHL-123");
    expect(await validatePicking(client, picking!.id)).toEqual({ validated: true, backorderIds: [] });
    expect(await validatePicking(client, picking!.id)).toEqual({ validated: false, backorderIds: [] });

    const [done] = await findPickingsForSaleOrder(client, orderId);
    expect(done).toMatchObject({ state: "done", trackingRef: "DHL-123" });
    expect(done!.doneAt).toBeInstanceOf(Date);
    expect(await getSaleOrderWithLines(client, orderId)).toMatchObject({ state: "sale", deliveryStatus: "full" });
  });

  it("validates what is in stock and keeps the rest in a backorder", async () => {
    const client = emulator.client(protocol);
    const { orderId } = await confirmedOrder(client, { onHand: 2, ordered: 5 });
    const [picking] = await findPickingsForSaleOrder(client, orderId);

    const result = await validatePicking(client, picking!.id, { backorder: "keep" });

    expect(result.validated).toBe(true);
    expect(result.backorderIds).toHaveLength(1);
    const pickings = await findPickingsForSaleOrder(client, orderId);
    expect(
      pickings.map((each) => [each.id, each.state, each.backorderOfId, each.moves.map((move) => move.demand)]),
    ).toEqual([
      [picking!.id, "done", null, [2]],
      [result.backorderIds[0], "confirmed", picking!.id, [3]],
    ]);
    expect(await getSaleOrderWithLines(client, orderId)).toMatchObject({ deliveryStatus: "partial" });
  });

  it("validates what is in stock and drops the rest when told to", async () => {
    const client = emulator.client(protocol);
    const { orderId } = await confirmedOrder(client, { onHand: 2, ordered: 5 });
    const [picking] = await findPickingsForSaleOrder(client, orderId);

    expect(await validatePicking(client, picking!.id, { backorder: "cancel" })).toEqual({
      validated: true,
      backorderIds: [],
    });
    expect((await findPickingsForSaleOrder(client, orderId)).map((each) => each.state)).toEqual(["done"]);
  });

  it("refuses a cancelled delivery and reports an unknown one as NOT_FOUND", async () => {
    const client = emulator.client(protocol);
    const { orderId } = await confirmedOrder(client, { onHand: 10, ordered: 1 });
    await client.callMethod("sale.order", "action_cancel", [orderId], z.unknown());
    const [picking] = await findPickingsForSaleOrder(client, orderId);

    await expect(validatePicking(client, picking!.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(validatePicking(client, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("polls deliveries changed since a cursor", async () => {
    const client = emulator.client(protocol);
    const { orderId } = await confirmedOrder(client, { onHand: 10, ordered: 1 });
    const [picking] = await findPickingsForSaleOrder(client, orderId);
    await emulator.freezeClock("2031-01-01 10:00:00");
    await validatePicking(client, picking!.id);

    const page = await findPickingsChangedSince(client, cursorAt(new Date("2031-01-01T10:00:00Z")));

    expect(page.records.map((record) => [record.id, record.state, record.saleOrderId])).toEqual([
      [picking!.id, "done", orderId],
    ]);
  });
});
