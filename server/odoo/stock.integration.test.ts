// The stock gateway against the emulator: on hand, reserved and available over internal
// locations only (Odoo's inventory-adjustment and customer quants are not stock), zero for a
// product that never had a quant, and the poll of changed quants.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import type { OdooClient } from "@/server/odoo/client";
import { cursorAt } from "@/server/odoo/changed-since";
import { findQuantsChangedSince, getStockLevels } from "@/server/odoo/stock";

const emulator = useOdooEmulator();
const WH_STOCK = 5;

async function stockedProduct(client: OdooClient, sku: string, onHand: number): Promise<number> {
  const [productId] = await client.create("product.product", {
    name: sku,
    default_code: sku,
    type: "consu",
    is_storable: true,
    list_price: 10,
  });
  if (onHand) {
    const [quantId] = await client.create(
      "stock.quant",
      { product_id: productId, location_id: WH_STOCK, inventory_quantity: onHand },
      { inventory_mode: true },
    );
    await client.callMethod("stock.quant", "action_apply_inventory", [quantId!], z.null());
  }

  return productId!;
}

describe.each(ODOO_PROTOCOLS)("stock over %s", (protocol) => {
  it("counts internal locations only, and zero for a product without quants", async () => {
    const client = emulator.client(protocol);
    const feet = await stockedProduct(client, "FEET", 25);
    const flange = await stockedProduct(client, "FLANGE", 0);
    // The counterpart quant in "Inventory adjustment" holds -25: counted, the total would be 0.
    expect(await client.searchCount("stock.quant", [["product_id", "=", feet]])).toBe(2);

    expect(await getStockLevels(client, [feet, flange])).toEqual([
      { productId: feet, onHand: 25, reserved: 0, available: 25 },
      { productId: flange, onHand: 0, reserved: 0, available: 0 },
    ]);
    expect(await getStockLevels(client, [])).toEqual([]);
  });

  it("shows what a confirmed order reserves, and what its delivery takes away", async () => {
    const client = emulator.client(protocol);
    const feet = await stockedProduct(client, "FEET", 25);
    const [customer] = await client.create("res.partner", {
      name: "Borealis Fitouts",
      is_company: true,
      country_id: 57,
    });
    const [orderId] = await client.create("sale.order", {
      partner_id: customer,
      order_line: [[0, 0, { product_id: feet, product_uom_qty: 4, price_unit: 10 }]],
    });
    await client.callMethod("sale.order", "action_confirm", [orderId!], z.unknown());

    expect(await getStockLevels(client, [feet])).toEqual([{ productId: feet, onHand: 25, reserved: 4, available: 21 }]);
    await emulator.odoo.admin("POST", "actions/deliver", { saleOrderId: orderId });
    expect(await getStockLevels(client, [feet])).toEqual([{ productId: feet, onHand: 21, reserved: 0, available: 21 }]);
  });

  it("polls quants changed since a cursor in internal locations only", async () => {
    const client = emulator.client(protocol);
    await emulator.freezeClock("2031-01-01 10:00:00");
    const feet = await stockedProduct(client, "FEET", 25);
    const bolts = await stockedProduct(client, "BOLTS", 7);

    const page = await findQuantsChangedSince(client, cursorAt(new Date("2031-01-01T10:00:00Z")));

    expect(page.records.map((quant) => [quant.productId, quant.location?.id, quant.quantity])).toEqual([
      [feet, WH_STOCK, 25],
      [bolts, WH_STOCK, 7],
    ]);
  });
});
