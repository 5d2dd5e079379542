// The products gateway against the emulator: look-ups by SKU and id, prices in minor units,
// and the catalogue poll (goods only, archived ones included so a sync can withdraw them).
import { describe, expect, it } from "vitest";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import type { OdooClient } from "@/server/odoo/client";
import { cursorAt } from "@/server/odoo/changed-since";
import {
  findProductsBySkus,
  findProductsChangedSince,
  getProductBySku,
  getProductsByIds,
} from "@/server/odoo/products";

const emulator = useOdooEmulator();

async function createProduct(client: OdooClient, values: Record<string, unknown>): Promise<number> {
  const [id] = await client.create("product.product", { type: "consu", is_storable: true, ...values });

  return id!;
}

describe.each(ODOO_PROTOCOLS)("products over %s", (protocol) => {
  it("finds a product by SKU, with its price in minor units", async () => {
    const client = emulator.client(protocol);
    const id = await createProduct(client, {
      name: "Levelling Feet",
      default_code: "ACC-FEET-M8",
      list_price: 24.9,
      weight: 0.4,
      barcode: "4006381333931",
    });

    expect(await getProductBySku(client, "ACC-FEET-M8")).toMatchObject({
      id,
      sku: "ACC-FEET-M8",
      name: "Levelling Feet",
      barcode: "4006381333931",
      listPriceMinor: 2490,
      type: "consu",
      isStorable: true,
      saleOk: true,
      uom: "Units",
      weightKg: 0.4,
      active: true,
    });
    expect(await getProductBySku(client, "NOPE")).toBeNull();
  });

  it("finds an archived product by SKU too", async () => {
    const client = emulator.client(protocol);
    const id = await createProduct(client, { name: "Old Chair", default_code: "OLD-1" });
    await client.write("product.product", [id], { active: false });

    expect(await getProductBySku(client, "OLD-1")).toMatchObject({ id, active: false });
  });

  it("reads several products by SKU or id in one call, leaving out unknown ones", async () => {
    const client = emulator.client(protocol);
    const chair = await createProduct(client, { name: "Chair", default_code: "CH-1", list_price: 80 });
    const desk = await createProduct(client, { name: "Desk", default_code: "DK-1", list_price: 420.5 });

    expect(
      (await findProductsBySkus(client, ["DK-1", "CH-1", "ZZ-9"])).map((product) => [
        product.sku,
        product.listPriceMinor,
      ]),
    ).toEqual([
      ["CH-1", 8000],
      ["DK-1", 42050],
    ]);
    expect((await getProductsByIds(client, [desk, 999_999])).map((product) => product.id)).toEqual([desk]);
    expect(await findProductsBySkus(client, [])).toEqual([]);
    expect(chair).toBeLessThan(desk);
  });

  it("polls goods changed since a cursor: price changes and archiving, never services", async () => {
    const client = emulator.client(protocol);
    const chair = await createProduct(client, { name: "Chair", default_code: "CH-1", list_price: 80 });
    const desk = await createProduct(client, { name: "Desk", default_code: "DK-1", list_price: 400 });
    await emulator.freezeClock("2031-01-01 10:00:00");
    await client.write("product.product", [chair], { list_price: 85 });
    await client.write("product.product", [desk], { active: false });
    await createProduct(client, {
      name: "Express shipping",
      default_code: "SHIP-X",
      type: "service",
      is_storable: false,
    });

    const page = await findProductsChangedSince(client, cursorAt(new Date("2031-01-01T10:00:00Z")));

    expect(page.records.map((product) => [product.sku, product.listPriceMinor, product.active])).toEqual([
      ["CH-1", 8500, true],
      ["DK-1", 40000, false],
    ]);
    expect(page.hasMore).toBe(false);
  });
});
