// What the product page says about stock, from the cache filled by the stock sync: "In stock: 12"
// summed over internal locations, "Back in stock soon" when all on hand is reserved, "Out of stock"
// with nothing on hand or no quant at all, "Made to order" for a configurable product.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { testDb } from "../../test/support/db";
import { getStockAvailability } from "@/server/erp/get-stock-availability";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";
import type { OdooClient } from "@/server/odoo/client";

const emulator = useOdooEmulator();
const raw = testDb();
afterAll(() => raw.$disconnect());

async function stocked(client: OdooClient, sku: string, counts: [number, number][]): Promise<number> {
  const [id] = await client.create("product.product", { name: sku, default_code: sku, is_storable: true });
  for (const [locationId, quantity] of counts)
    expect((await emulator.odoo.admin("POST", "actions/stock", { productId: id, quantity, locationId })).status).toBe(
      200,
    );
  await syncOdooStock({ productId: id! }, client);

  return id!;
}

describe("getStockAvailability", () => {
  it("reads each SKU's availability from the cache", async () => {
    const client = emulator.client("json2");
    const [shelf] = await client.create("stock.location", { name: "Shelf", location_id: 6, usage: "internal" });
    await stocked(client, "AV-12", [
      [5, 9],
      [shelf!, 3],
    ]);
    const reserved = await stocked(client, "AV-RESERVED", [[5, 4]]);
    const [customer] = await client.create("res.partner", { name: "Borealis Fitouts", is_company: true });
    const [order] = await client.create("sale.order", {
      partner_id: customer,
      order_line: [[0, 0, { product_id: reserved, product_uom_qty: 4 }]],
    });
    await client.callMethod("sale.order", "action_confirm", [order!], z.unknown());
    await syncOdooStock({ productId: reserved }, client);
    await stocked(client, "AV-EMPTIED", [
      [5, 5],
      [5, 0],
    ]);

    const availability = await getStockAvailability({
      skus: ["AV-12", "AV-RESERVED", "AV-EMPTIED", "AV-NEVER", "AV-12"],
      configurable: false,
    });

    expect(Object.fromEntries(Object.entries(availability).map(([sku, value]) => [sku, value.label]))).toEqual({
      "AV-12": "In stock: 12",
      "AV-RESERVED": "Back in stock soon",
      "AV-EMPTIED": "Out of stock",
      "AV-NEVER": "Out of stock",
    });
    expect(availability["AV-12"]?.syncedAt).toBeInstanceOf(Date);
    expect(availability["AV-NEVER"]?.syncedAt).toBeNull();
  });

  it("says made to order for a configurable product, whatever is cached", async () => {
    const client = emulator.client("json2");
    await stocked(client, "AV-CONF", [[5, 30]]);
    expect(await getStockAvailability({ skus: ["AV-CONF"], configurable: true })).toEqual({
      "AV-CONF": { kind: "made_to_order", label: "Made to order", syncedAt: null },
    });
    expect(await getStockAvailability({ skus: ["AV-CONF"], configurable: false })).toMatchObject({
      "AV-CONF": { kind: "in_stock", label: "In stock: 30", available: 30 },
    });
    expect(await getStockAvailability({ skus: [], configurable: false })).toEqual({});
  });
});
