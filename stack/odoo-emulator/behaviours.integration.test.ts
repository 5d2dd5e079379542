// Odoo behaviours the emulator reproduces beyond storing fields, checked against Odoo 19's
// source (README.md lists them): defaults and onchange-like effects of create, computed
// names and statuses, archived records, hierarchies, ordering, paging and their errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { OdooClient } from "../../server/odoo/client";
import { OdooError } from "../../server/odoo/errors";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";

let odoo: Awaited<ReturnType<typeof startTestEmulator>>;
const row = z.object({ id: z.number() }).catchall(z.unknown());
const json2 = () =>
  new OdooClient({
    url: odoo.url,
    db: "erp",
    protocol: "json2",
    apiKey: EMULATOR_API_KEY,
    timeoutMs: 3_000,
    maxConcurrency: 2,
  });
const jsonrpc = () =>
  new OdooClient({
    url: odoo.url,
    db: "erp",
    protocol: "jsonrpc",
    login: "admin",
    password: "admin",
    timeoutMs: 3_000,
    maxConcurrency: 2,
  });

beforeAll(async () => {
  odoo = await startTestEmulator();
});
afterAll(() => odoo.stop());
beforeEach(async () => {
  await odoo.admin("POST", "reset", {});
});

async function failure(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OdooError);

  return error as OdooError;
}

async function partners() {
  const c = json2();
  const [acme] = await c.create("res.partner", { name: "Acme", is_company: true, country_id: 57 });
  const [dock] = await c.create("res.partner", { name: "Dock 4", type: "delivery", parent_id: acme });
  const [north] = await c.create("res.partner", { name: "North Wing", parent_id: dock });
  const [billing] = await c.create("res.partner", { type: "invoice", parent_id: acme });
  const [branch] = await c.create("res.partner", { name: "Acme Branch", is_company: true, parent_id: acme });

  return { c, acme: acme!, dock: dock!, north: north!, billing: billing!, branch: branch! };
}

describe("partners", () => {
  it("name contacts as Odoo does: '<company>, <name>', a nameless address by its type, a company by its own name", async () => {
    const { c, acme, dock, north, billing, branch } = await partners();
    const rows = await c.read(
      "res.partner",
      [acme, dock, north, billing, branch],
      ["display_name", "commercial_partner_id"],
      row,
    );

    expect(rows.map((r) => r.display_name)).toEqual([
      "Acme",
      "Acme, Dock 4",
      "Acme, North Wing",
      "Acme, Invoice Address",
      "Acme Branch",
    ]);
    expect(rows.map((r) => (r.commercial_partner_id as [number])[0])).toEqual([acme, acme, acme, acme, branch]);
  });

  it("child_of and parent_of include the records themselves and follow parent_id, by id or by name", async () => {
    const { c, acme, dock, north, billing, branch } = await partners();
    const find = (domain: unknown[]) => c.search("res.partner", domain, { order: "id" });

    expect(await find([["id", "child_of", dock]])).toEqual([dock, north]);
    expect(await find([["id", "child_of", acme]])).toEqual([acme, dock, north, billing, branch]);
    expect(await find([["id", "parent_of", north]])).toEqual([acme, dock, north]);
    expect(await find([["parent_id", "child_of", dock]])).toEqual([north]);
    expect(await find([["id", "child_of", "Dock 4"]])).toEqual([dock, north]);
  });

  it("hide archived records from search and one2many values unless active_test is off or the domain names active", async () => {
    const { c, acme, dock, north, billing, branch } = await partners();
    await c.write("res.partner", [billing], { active: false });

    expect(await c.search("res.partner", [["parent_id", "=", acme]], { order: "id" })).toEqual([dock, branch]);
    expect(
      await c.search("res.partner", [["parent_id", "=", acme]], { order: "id", context: { active_test: false } }),
    ).toEqual([dock, billing, branch]);
    expect(
      await c.search(
        "res.partner",
        [
          ["parent_id", "=", acme],
          ["active", "in", [true, false]],
        ],
        { order: "id" },
      ),
    ).toEqual([dock, billing, branch]);
    expect(await c.read("res.partner", [acme, billing], ["child_ids", "active"], row)).toEqual([
      { id: acme, child_ids: [branch, dock], active: true },
      { id: billing, child_ids: [], active: false },
    ]);
    void north;
  });
});

describe("sale orders", () => {
  it("default the addresses (address_get), salesperson and company, and fill a line's description and price from the product", async () => {
    const { c, acme, dock, north, billing } = await partners();
    const [productId] = await c.create("product.product", {
      name: "Chair",
      default_code: "CH-1",
      list_price: 40,
      description_sale: "Oak, stackable",
    });
    const [orderId] = await c.create("sale.order", {
      partner_id: acme,
      order_line: [[0, 0, { product_id: productId, product_uom_qty: 3 }]],
    });
    const [order] = await c.read(
      "sale.order",
      [orderId!],
      ["partner_invoice_id", "partner_shipping_id", "user_id", "company_id", "order_line", "amount_untaxed"],
      row,
    );

    expect(order).toMatchObject({
      partner_invoice_id: [billing, "Acme, Invoice Address"],
      partner_shipping_id: [dock, "Acme, Dock 4"],
      user_id: [2, "Administrator"],
      company_id: [1, "My Company"],
      amount_untaxed: 120,
    });
    const [line] = await c.read("sale.order.line", order!.order_line as number[], ["name", "price_unit"], row);
    expect(line).toMatchObject({ name: "[CH-1] Chair\nOak, stackable", price_unit: 40 });

    // From a contact, address_get walks up through its parents: Dock 4 delivers, Acme's invoice address bills.
    const [forContact] = await c.create("sale.order", { partner_id: north });
    const [lonely] = await c.create("res.partner", { name: "Solo Buyer" });
    const [forLonely] = await c.create("sale.order", { partner_id: lonely });
    expect(
      await c.read("sale.order", [forContact!, forLonely!], ["partner_invoice_id", "partner_shipping_id"], row),
    ).toEqual([
      {
        id: forContact,
        partner_invoice_id: [billing, "Acme, Invoice Address"],
        partner_shipping_id: [dock, "Acme, Dock 4"],
      },
      { id: forLonely, partner_invoice_id: [lonely, "Solo Buyer"], partner_shipping_id: [lonely, "Solo Buyer"] },
    ]);
  });

  it("delivery_status follows the pickings as sale_stock computes it: pending, full, and false once cancelled", async () => {
    const c = json2();
    const [productId] = await c.create("product.product", { name: "Lamp", list_price: 10, is_storable: true });
    const status = async (id: number) =>
      (await c.read("sale.order", [id], ["delivery_status"], row))[0]!.delivery_status;
    const [kept] = await c.create("sale.order", {
      partner_id: 1,
      order_line: [[0, 0, { product_id: productId, product_uom_qty: 1 }]],
    });
    const [cancelled] = await c.create("sale.order", {
      partner_id: 1,
      order_line: [[0, 0, { product_id: productId, product_uom_qty: 1 }]],
    });

    expect(await status(kept!)).toBe(false);
    await c.callMethod("sale.order", "action_confirm", [kept!, cancelled!], z.literal(true));
    expect([await status(kept!), await status(cancelled!)]).toEqual(["pending", "pending"]);
    await c.callMethod("sale.order", "action_cancel", [cancelled!], z.literal(true));
    expect(await status(cancelled!)).toBe(false);
  });
});

describe("transactions", () => {
  it("undo the whole call when it fails part-way: records it created, changed or deleted are as before", async () => {
    const { c, acme, billing } = await partners();
    const [productId] = await c.create("product.product", { name: "Chair", list_price: 40 });
    const counts = async () =>
      Promise.all([c.searchCount("sale.order"), c.searchCount("sale.order.line"), c.searchCount("res.partner")]);
    const before = await counts();

    // A create whose second line names a product that does not exist: no order, no first line.
    await failure(
      c.create("sale.order", {
        partner_id: acme,
        order_line: [
          [0, 0, { product_id: productId, product_uom_qty: 1 }],
          [0, 0, { product_id: 999_999, product_uom_qty: 1 }],
        ],
      }),
    );
    // A write that renames, adds a contact, removes one and then updates a missing one: none of it stays.
    await failure(
      c.write("res.partner", [acme], {
        name: "Renamed",
        child_ids: [
          [0, 0, { name: "New contact" }],
          [2, billing, 0],
          [1, 999_999, { name: "Nobody" }],
        ],
      }),
    );

    expect(await counts()).toEqual(before);
    const [after] = await c.read("res.partner", [acme], ["name", "child_ids"], row);
    expect(after!.name).toBe("Acme");
    expect(after!.child_ids).toContain(billing);
    const [billingAfter] = await c.read("res.partner", [billing], ["type", "parent_id"], row);
    expect(billingAfter).toMatchObject({ type: "invoice", parent_id: [acme, "Acme"] });
  });
});

describe("reference data", () => {
  it("has the warehouse's receipt and delivery operation types, used by delivery pickings, and countries' currencies", async () => {
    const c = json2();
    expect(await c.read("stock.warehouse", [1], ["in_type_id", "out_type_id", "lot_stock_id"], row)).toEqual([
      {
        id: 1,
        in_type_id: [1, "My Company: Receipts"],
        out_type_id: [2, "My Company: Delivery Orders"],
        lot_stock_id: [5, "WH/Stock"],
      },
    ]);
    const [productId] = await c.create("product.product", { name: "Shelf", is_storable: true });
    const [orderId] = await c.create("sale.order", { partner_id: 1, order_line: [[0, 0, { product_id: productId }]] });
    await c.callMethod("sale.order", "action_confirm", [orderId!], z.literal(true));
    const [picking] = await c.searchRead("stock.picking", ["picking_type_id", "picking_type_code"], row, {
      domain: [["sale_id", "=", orderId]],
    });
    expect(picking).toMatchObject({
      picking_type_id: [2, "My Company: Delivery Orders"],
      picking_type_code: "outgoing",
    });
    const countries = await c.searchRead("res.country", ["code", "currency_id"], row, {
      domain: [["code", "in", ["DE", "US"]]],
      order: "code",
    });
    expect(countries.map((country) => [country.code, country.currency_id])).toEqual([
      ["DE", [125, "EUR"]],
      ["US", [1, "USD"]],
    ]);
  });
});

describe("ordering and paging", () => {
  it.each([
    ["json2", json2],
    ["jsonrpc", jsonrpc],
  ] as const)("orders by 'name desc, id desc' and pages with limit and offset over %s", async (_protocol, client) => {
    const c = client();
    const ids: number[] = [];
    for (const name of ["Beta", "alpha", "Beta", "Gamma"])
      ids.push((await c.create("res.partner", { name, ref: "PAGE" }))[0]!);
    const [beta1, alpha, beta2, gamma] = ids;
    const page = (offset: number, limit: number) =>
      c.search("res.partner", [["ref", "=", "PAGE"]], { order: "name desc, id desc", offset, limit });

    expect(await page(0, 10)).toEqual([gamma, beta2, beta1, alpha]);
    expect([await page(0, 2), await page(2, 2), await page(4, 2)]).toEqual([[gamma, beta2], [beta1, alpha], []]);
    const read = await c.searchRead("res.partner", ["name"], row, {
      domain: [["ref", "=", "PAGE"]],
      order: "name asc, id desc",
      limit: 2,
      offset: 1,
    });
    expect(read.map((r) => r.id)).toEqual([beta2, beta1]);
    expect(await c.searchCount("res.partner", [["ref", "=", "PAGE"]])).toBe(4);
  });

  it("puts unset values last ascending unless told 'nulls first', and false before true for booleans", async () => {
    const c = json2();
    const [withRef] = await c.create("res.partner", { name: "N1", ref: "A", city: "x" });
    const [withoutRef] = await c.create("res.partner", { name: "N2", city: "x", is_company: true });
    const find = (order: string) => c.search("res.partner", [["city", "=", "x"]], { order });

    expect(await find("ref asc")).toEqual([withRef, withoutRef]);
    expect(await find("ref asc nulls first")).toEqual([withoutRef, withRef]);
    expect(await find("is_company desc")).toEqual([withoutRef, withRef]);
    expect(await find("is_company")).toEqual([withRef, withoutRef]);
  });

  it("refuses a malformed order with Odoo's UserError and an unknown field with its ValueError", async () => {
    const malformed = await failure(json2().search("res.partner", [], { order: "name sideways" }));
    expect(malformed.exceptionName).toBe("UserError");
    expect(malformed.message).toBe(
      'Invalid "order" specified (name sideways). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)',
    );
    const unknown = await failure(jsonrpc().search("res.partner", [], { order: "nope desc" }));
    expect(unknown.exceptionName).toBe("ValueError");
    expect(unknown.message).toBe("Invalid field 'nope' on model 'res.partner'");
  });
});
