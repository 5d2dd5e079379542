// The sale-orders gateway against the emulator: an order pushed as look-up-before-create by
// our reference with our prices, confirmed once, resumable after a crash between steps,
// read back with its lines in minor units, and polled.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import type { OdooClient } from "@/server/odoo/client";
import { cursorAt } from "@/server/odoo/changed-since";
import {
  confirmSaleOrder,
  createSaleOrder,
  findSaleOrdersChangedSince,
  getSaleOrderByRef,
  getSaleOrderWithLines,
  type TSaleOrderInput,
} from "@/server/odoo/sale-orders";

const emulator = useOdooEmulator();

async function setUp(client: OdooClient) {
  const [customer] = await client.create("res.partner", {
    name: "Borealis Fitouts",
    is_company: true,
    ref: "TP-ORG-9",
    country_id: 57,
  });
  const [dock] = await client.create("res.partner", {
    name: "Dock 4",
    type: "delivery",
    parent_id: customer,
    country_id: 57,
  });
  const [chair] = await client.create("product.product", {
    name: "Chair",
    default_code: "CH-1",
    list_price: 80,
    type: "consu",
    is_storable: true,
  });
  const [desk] = await client.create("product.product", {
    name: "Desk",
    default_code: "DK-1",
    list_price: 400,
    type: "consu",
    is_storable: true,
  });
  const order: TSaleOrderInput = {
    clientOrderRef: "TP-ORDER-1",
    partnerId: customer!,
    shippingAddressId: dock!,
    origin: "tradepost#1",
    lines: [
      { productId: chair!, quantity: 4, unitPriceMinor: 1999 },
      { productId: desk!, quantity: 1, unitPriceMinor: 35_050, description: "Desk, oak, 160 cm" },
    ],
  };

  return { customer: customer!, dock: dock!, chair: chair!, desk: desk!, order };
}

describe.each(ODOO_PROTOCOLS)("sale orders over %s", (protocol) => {
  it("creates a quotation once per reference with our prices, and reads it back with its lines", async () => {
    const client = emulator.client(protocol);
    const { customer, dock, chair, desk, order } = await setUp(client);

    const first = await createSaleOrder(client, order);
    const again = await createSaleOrder(client, {
      ...order,
      lines: [{ productId: chair, quantity: 99, unitPriceMinor: 1 }],
    });

    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await client.searchCount("sale.order", [["client_order_ref", "=", "TP-ORDER-1"]])).toBe(1);
    const read = await getSaleOrderWithLines(client, first.id);
    expect(read).toMatchObject({
      id: first.id,
      state: "draft",
      clientOrderRef: "TP-ORDER-1",
      origin: "tradepost#1",
      partnerId: customer,
      shippingAddressId: dock,
      invoiceAddressId: customer,
      // 4 × 19.99 + 350.50; Germany gets the 0% export tax from Odoo's fiscal position.
      amountUntaxedMinor: 43_046,
      amountTaxMinor: 0,
      amountTotalMinor: 43_046,
      currency: "USD",
      pickingIds: [],
    });
    expect(read!.lines.map((line) => [line.productId, line.quantity, line.unitPriceMinor, line.subtotalMinor])).toEqual(
      [
        [chair, 4, 1999, 7996],
        [desk, 1, 35_050, 35_050],
      ],
    );
    expect(read!.lines[1]!.description).toBe("Desk, oak, 160 cm");
    expect(await getSaleOrderByRef(client, "TP-ORDER-1")).toMatchObject({ id: first.id, name: read!.name });
    expect(await getSaleOrderByRef(client, "TP-ORDER-404")).toBeNull();
    expect(await getSaleOrderWithLines(client, 999_999)).toBeNull();
  });

  it("confirms a quotation once; a second confirm changes nothing", async () => {
    const client = emulator.client(protocol);
    const { order } = await setUp(client);
    const { id } = await createSaleOrder(client, order);

    expect(await confirmSaleOrder(client, id)).toEqual({ confirmed: true });
    expect(await confirmSaleOrder(client, id)).toEqual({ confirmed: false });
    const confirmed = await getSaleOrderWithLines(client, id);
    expect(confirmed).toMatchObject({ state: "sale", deliveryStatus: "pending", invoiceStatus: "to invoice" });
    expect(confirmed!.pickingIds).toHaveLength(1);
  });

  it("resumes a push whose create committed but whose answer was lost", async () => {
    const client = emulator.client(protocol);
    const { order } = await setUp(client);
    await emulator.odoo.admin("POST", "faults", {
      kind: "commit_then_drop",
      model: "sale.order",
      method: "create",
      count: 1,
    });

    const lost = await createSaleOrder(client, order).catch((error: unknown) => error);
    expect(lost).toMatchObject({ name: "AppError", code: "UPSTREAM_FAILED", retryable: true });
    const retried = await createSaleOrder(client, order);

    expect(retried.created).toBe(false);
    expect(await client.searchCount("sale.order", [["client_order_ref", "=", "TP-ORDER-1"]])).toBe(1);
    expect(await confirmSaleOrder(client, retried.id)).toEqual({ confirmed: true });
  });

  it("leaves a quotation to confirm again after a serialization failure in action_confirm", async () => {
    const client = emulator.client(protocol);
    const { order } = await setUp(client);
    const { id } = await createSaleOrder(client, order);
    await emulator.odoo.admin("POST", "faults", {
      kind: "error",
      status: 500,
      model: "sale.order",
      method: "action_confirm",
      count: 1,
    });

    await expect(confirmSaleOrder(client, id)).rejects.toMatchObject({ code: "UPSTREAM_FAILED", retryable: true });
    expect(await getSaleOrderByRef(client, "TP-ORDER-1")).toMatchObject({ state: "draft" });
    expect(await confirmSaleOrder(client, id)).toEqual({ confirmed: true });
    expect(await getSaleOrderByRef(client, "TP-ORDER-1")).toMatchObject({ state: "sale" });
  });

  it("counts an order confirmed by someone else meanwhile as confirmed, not as a failure", async () => {
    const { order } = await setUp(emulator.client(protocol));
    // Odoo 19 refuses action_confirm on an order that is no longer a quotation (UserError):
    // here the confirm goes through, and the answer is the one a second confirm would get.
    const raced: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = typeof init?.body === "string" ? init.body : "";
      if (!/action_confirm/.test(`${String(input)} ${body}`)) return response;
      const error = {
        name: "odoo.exceptions.UserError",
        message: "The following orders are not in a state requiring confirmation: S00001",
        arguments: [],
        context: {},
        debug: "",
      };

      return protocol === "json2"
        ? Response.json(error, { status: 422 })
        : Response.json({ jsonrpc: "2.0", id: 1, error: { code: 0, message: "Odoo Server Error", data: error } });
    };
    const client = emulator.client(protocol, { fetch: raced });
    const { id } = await createSaleOrder(client, order);

    expect(await confirmSaleOrder(client, id)).toEqual({ confirmed: false });
    expect(await getSaleOrderByRef(client, "TP-ORDER-1")).toMatchObject({ state: "sale" });
  });

  it("refuses to confirm a cancelled order, and reports an unknown one as NOT_FOUND", async () => {
    const client = emulator.client(protocol);
    const { order } = await setUp(client);
    const { id } = await createSaleOrder(client, order);
    await client.callMethod("sale.order", "action_cancel", [id], z.unknown());

    await expect(confirmSaleOrder(client, id)).rejects.toMatchObject({ code: "INVALID_STATE", retryable: false });
    await expect(confirmSaleOrder(client, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports a customer Odoo does not have as NOT_FOUND, creating nothing", async () => {
    const client = emulator.client(protocol);
    const { order } = await setUp(client);

    await expect(createSaleOrder(client, { ...order, partnerId: 999_999 })).rejects.toMatchObject({
      name: "AppError",
      code: "NOT_FOUND",
      retryable: false,
    });
    expect(await client.searchCount("sale.order", [["client_order_ref", "=", "TP-ORDER-1"]])).toBe(0);
  });

  it("refuses a price that is not whole minor units before sending anything", async () => {
    const client = emulator.client(protocol);
    const { order } = await setUp(client);
    const lines = [{ ...order.lines[0]!, unitPriceMinor: 19.99 }];

    await expect(createSaleOrder(client, { ...order, lines })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "lines.0.unitPriceMinor": [expect.any(String)] },
    });
    expect(await client.searchCount("sale.order", [])).toBe(0);
  });

  it("polls orders changed since a cursor", async () => {
    const client = emulator.client(protocol);
    const { order } = await setUp(client);
    const before = await createSaleOrder(client, { ...order, clientOrderRef: "TP-ORDER-0" });
    await emulator.freezeClock("2031-01-01 10:00:00");
    const { id } = await createSaleOrder(client, order);
    await confirmSaleOrder(client, id);

    const page = await findSaleOrdersChangedSince(client, cursorAt(new Date("2031-01-01T10:00:00Z")));

    expect(page.records.map((record) => [record.clientOrderRef, record.state])).toEqual([["TP-ORDER-1", "sale"]]);
    expect(page.records.map((record) => record.id)).not.toContain(before.id);
  });
});
