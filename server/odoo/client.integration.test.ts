// The Odoo client end to end against the emulator, over both protocols: the calls
// Tradepost makes (partners, products, stock, sale orders, deliveries) and every class of
// failure with its retryable flag. Transport failures: client-transport.integration.test.ts.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { odooFailure, useOdooClientEmulator } from "../../test/support/odoo-client-emulator";
import type { OdooClient } from "@/server/odoo/client";
import {
  PARTNER_FIELDS,
  PICKING_FIELDS,
  PRODUCT_FIELDS,
  QUANT_FIELDS,
  SALE_ORDER_FIELDS,
  SALE_ORDER_LINE_FIELDS,
  ZOdooPartner,
  ZOdooPicking,
  ZOdooProduct,
  ZOdooQuant,
  ZOdooSaleOrder,
  ZOdooSaleOrderLine,
} from "@/server/odoo/types";

const odoo = useOdooClientEmulator();
const { clientFor } = odoo;
const failure = odooFailure;
describe.each(["json2", "jsonrpc"] as const)("over %s", (protocol) => {
  it("creates a customer with a delivery address and reads it back mapped", async () => {
    const client = clientFor(protocol);
    const [germany] = await client.search("res.country", [["code", "=", "DE"]]);
    const [companyId] = await client.create("res.partner", {
      name: "Acme Interiors GmbH",
      is_company: true,
      ref: "TP-ORG-1",
      street: "Hauptstr. 1",
      city: "Berlin",
      zip: "10115",
      country_id: germany,
      credit_limit: 5000,
    });
    const [addressId] = await client.create("res.partner", {
      name: "Dock 4",
      type: "delivery",
      parent_id: companyId,
      street: "Hafenweg 4",
      city: "Hamburg",
      country_id: germany,
    });

    const [company] = await client.searchRead("res.partner", PARTNER_FIELDS, ZOdooPartner, {
      domain: [["ref", "=", "TP-ORG-1"]],
    });
    const [address] = await client.read("res.partner", [addressId!], PARTNER_FIELDS, ZOdooPartner);

    expect(company).toMatchObject({
      id: companyId,
      name: "Acme Interiors GmbH",
      isCompany: true,
      ref: "TP-ORG-1",
      email: null,
      creditLimit: 5000,
      childIds: [addressId],
      parent: null,
    });
    expect(company!.address).toEqual({
      street: "Hauptstr. 1",
      street2: null,
      zip: "10115",
      city: "Berlin",
      country: { id: germany, name: "Germany" },
    });
    expect(company!.writeDate).toBeInstanceOf(Date);
    expect(address).toMatchObject({
      type: "delivery",
      parent: { id: companyId, name: "Acme Interiors GmbH" },
      creditLimit: 5000,
      commercialPartner: { id: companyId, name: "Acme Interiors GmbH" },
    });
  });

  // Real Odoo 19 refuses create's vals_list as a keyword over JSON-RPC (IndexError); this is the
  // round trip that caught it, with a write on each record Tradepost keeps in step.
  it("creates, writes and reads back partners, products, quants and sale orders", async () => {
    const client = clientFor(protocol);
    const row = z.object({ id: z.number() }).catchall(z.unknown());
    const [partnerId] = await client.create("res.partner", {
      name: "Round Trip GmbH",
      is_company: true,
      ref: "TP-RT-1",
    });
    await client.write("res.partner", [partnerId!], { city: "Bremen", function: "Buyer", comment: "<p>VIP</p>" });
    const [productId] = await client.create("product.product", {
      name: "Round Trip Chair",
      default_code: "RT-CHAIR",
      list_price: 80,
      type: "consu",
      is_storable: true,
    });
    await client.write("product.product", [productId!], { list_price: 90, barcode: "4006381333931" });
    const [quantId] = await client.create(
      "stock.quant",
      { product_id: productId, location_id: 5, inventory_quantity: 7 },
      { inventory_mode: true },
    );
    await client.write("stock.quant", [quantId!], { inventory_quantity: 9 });
    const [orderId] = await client.create("sale.order", {
      partner_id: partnerId,
      client_order_ref: "TP-RT-ORDER",
      order_line: [[0, 0, { product_id: productId, product_uom_qty: 2 }]],
    });
    await client.write("sale.order", [orderId!], { note: "<p>Leave at gate 2</p>", origin: "tradepost#RT" });

    expect(await client.read("res.partner", [partnerId!], ["name", "city", "function", "comment", "ref"], row)).toEqual(
      [
        {
          id: partnerId,
          name: "Round Trip GmbH",
          city: "Bremen",
          function: "Buyer",
          comment: "<p>VIP</p>",
          ref: "TP-RT-1",
        },
      ],
    );
    expect(await client.read("product.product", [productId!], ["default_code", "list_price", "barcode"], row)).toEqual([
      { id: productId, default_code: "RT-CHAIR", list_price: 90, barcode: "4006381333931" },
    ]);
    expect(await client.read("stock.quant", [quantId!], ["inventory_quantity", "quantity"], row)).toEqual([
      { id: quantId, inventory_quantity: 9, quantity: 0 },
    ]);
    const [order] = await client.searchRead(
      "sale.order",
      ["client_order_ref", "note", "origin", "order_line", "amount_untaxed"],
      row,
      { domain: [["client_order_ref", "=", "TP-RT-ORDER"]] },
    );
    expect(order).toMatchObject({
      id: orderId,
      note: "<p>Leave at gate 2</p>",
      origin: "tradepost#RT",
      amount_untaxed: 180,
    });
    const [line] = await client.read(
      "sale.order.line",
      order!.order_line as number[],
      ["name", "price_unit", "product_uom_qty"],
      row,
    );
    expect(line).toMatchObject({ name: "[RT-CHAIR] Round Trip Chair", price_unit: 90, product_uom_qty: 2 });
    expect(await client.searchCount("sale.order", [["partner_id", "=", partnerId]])).toBe(1);
  });

  it("counts stock, takes an order, confirms it and delivers it with a tracking number", async () => {
    const client = clientFor(protocol);
    const [customer] = await client.create("res.partner", {
      name: "Borealis Fitouts",
      is_company: true,
      country_id: 57,
    });
    const [productId] = await client.create("product.product", {
      name: "Levelling Feet",
      default_code: "ACC-FEET-M8",
      list_price: 24,
      type: "consu",
      is_storable: true,
    });
    const [quantId] = await client.create(
      "stock.quant",
      { product_id: productId, location_id: 5, inventory_quantity: 25 },
      { inventory_mode: true },
    );
    expect(await client.callMethod("stock.quant", "action_apply_inventory", [quantId!], z.null())).toBeNull();
    const [quant] = await client.searchRead("stock.quant", QUANT_FIELDS, ZOdooQuant, {
      domain: [
        ["product_id", "=", productId],
        ["location_id.usage", "=", "internal"],
      ],
    });
    expect(quant).toMatchObject({ quantity: 25, reserved: 0, available: 25, location: { id: 5, name: "WH/Stock" } });

    expect(await client.search("sale.order", [["client_order_ref", "=", "TP-ORDER-1"]])).toEqual([]);
    const [orderId] = await client.create("sale.order", {
      partner_id: customer,
      client_order_ref: "TP-ORDER-1",
      order_line: [[0, 0, { product_id: productId, product_uom_qty: 4, price_unit: 19.99 }]],
    });
    expect(await client.callMethod("sale.order", "action_confirm", [orderId!], z.literal(true))).toBe(true);
    const [order] = await client.read("sale.order", [orderId!], SALE_ORDER_FIELDS, ZOdooSaleOrder);
    expect(order).toMatchObject({
      state: "sale",
      clientOrderRef: "TP-ORDER-1",
      amountUntaxed: 79.96,
      amountTotal: 79.96,
      deliveryStatus: "pending",
      currency: { id: 1, name: "USD" },
    });
    const [line] = await client.read("sale.order.line", order!.lineIds, SALE_ORDER_LINE_FIELDS, ZOdooSaleOrderLine);
    expect(line).toMatchObject({ quantity: 4, priceUnit: 19.99, subtotal: 79.96, quantityDelivered: 0 });

    const [pickingId] = order!.pickingIds;
    await client.write("stock.picking", [pickingId!], { carrier_tracking_ref: "DHL-123" });
    expect(
      await client.callMethod(
        "stock.picking",
        "button_validate",
        [pickingId!],
        z.union([z.literal(true), z.record(z.string(), z.unknown())]),
      ),
    ).toBe(true);
    const [picking] = await client.read("stock.picking", [pickingId!], PICKING_FIELDS, ZOdooPicking);
    expect(picking).toMatchObject({
      state: "done",
      trackingRef: "DHL-123",
      saleOrder: { id: orderId, name: order!.name },
    });
    expect(picking!.dateDone).toBeInstanceOf(Date);
    const [delivered] = await client.read("sale.order", [orderId!], SALE_ORDER_FIELDS, ZOdooSaleOrder);
    expect(delivered).toMatchObject({ state: "sale", deliveryStatus: "full" });
    const [product] = await client.read("product.product", [productId!], PRODUCT_FIELDS, ZOdooProduct);
    expect(product).toMatchObject({ sku: "ACC-FEET-M8", qtyAvailable: 21, freeQty: 21 });
  });

  it.each([
    ["a write on a missing record", (c: OdooClient) => c.write("sale.order", [999_999], { note: "x" }), "MissingError"],
    [
      "a missing required field",
      (c: OdooClient) => c.create("sale.order", { client_order_ref: "x" }),
      "ValidationError",
    ],
    [
      "a private method",
      (c: OdooClient) => c.callMethod("sale.order", "_action_confirm", [1], z.unknown()),
      "AccessError",
    ],
    ["an unknown field in a domain", (c: OdooClient) => c.search("sale.order", [["nope", "=", 1]]), "ValueError"],
  ])("reports %s as Odoo's exception, not retryable", async (_label, run, exceptionName) => {
    const error = await failure(run(clientFor(protocol)));
    expect(error).toMatchObject({ kind: "odoo", retryable: false });
    expect(error.exceptionName).toBe(exceptionName);
  });

  it("reports an unknown model (NotFound over JSON-2, UserError over JSON-RPC), not retryable", async () => {
    const error = await failure(clientFor(protocol).search("sale.ordr", []));
    expect(error.exceptionName).toBe(protocol === "json2" ? "NotFound" : "UserError");
    expect(error.retryable).toBe(false);
  });

  it("refuses wrong credentials, not retryable", async () => {
    const wrong = protocol === "json2" ? { apiKey: "not-the-key-0000000000000" } : { password: "wrong" };
    const error = await failure(clientFor(protocol, wrong).searchCount("res.partner"));
    expect(error.exceptionName).toBe(protocol === "json2" ? "Unauthorized" : "AccessDenied");
    expect(error.retryable).toBe(false);
  });

  it.each([
    [{ kind: "error", status: 500 }, "odoo", "SerializationFailure"],
    [{ kind: "error", status: 503 }, "http", "HTTP 503"],
    [{ kind: "error", status: 502 }, "http", "HTTP 502"],
    [{ kind: "error", status: 429 }, "http", "HTTP 429"],
  ])("marks %j as retryable", async (fault, kind, exceptionName) => {
    await odoo.admin("POST", "faults", { ...fault, model: "res.partner", method: "search", count: 1 });
    const client = clientFor(protocol);
    const error = await failure(client.search("res.partner", []));

    expect(error).toMatchObject({ kind, retryable: true });
    expect(error.exceptionName).toBe(exceptionName);
    expect((await client.search("res.partner", [["id", "=", 1]])).length).toBe(1);
  });

  it("gives up after its timeout with a retryable error", async () => {
    await odoo.admin("POST", "faults", {
      kind: "latency",
      delayMs: 1_500,
      model: "res.partner",
      method: "search_count",
      count: 1,
    });
    const started = performance.now();
    const error = await failure(clientFor(protocol, { timeoutMs: 300 }).searchCount("res.partner"));

    expect(error).toMatchObject({ kind: "timeout", retryable: true });
    expect(performance.now() - started).toBeLessThan(1_400);
  });
});
