// The demo's business data in Odoo (the emulator here), written through JSON-2 as an integration
// would: customers with their reference, addresses, credit limits, products by SKU and stock;
// a second run finds everything and creates nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";
import { seedOdooDemoData } from "./odoo-demo-data";

let odoo: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  odoo = await startTestEmulator();
});
afterAll(() => odoo.stop());

const organisations = { "Acme Interiors": randomUUID(), "Borealis Fitouts": randomUUID() };
const read = async (model: string, domain: unknown[], fields: string[]) => {
  const response = await fetch(`${odoo.url}/json/2/${model}/search_read`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `bearer ${EMULATOR_API_KEY}`,
      "x-odoo-database": "erp",
    },
    body: JSON.stringify({ domain, fields, order: "id" }),
  });

  return (await response.json()) as Record<string, unknown>[];
};

describe("seedOdooDemoData", () => {
  it("creates the demo customers, addresses, products and stock once", async () => {
    const target = { url: odoo.url, db: "erp", apiKey: EMULATOR_API_KEY };
    await seedOdooDemoData(target, organisations);
    const snapshot = async () => ({
      partners: await read(
        "res.partner",
        [["ref", "!=", false]],
        ["name", "ref", "type", "parent_id", "credit_limit", "city"],
      ),
      products: await read("product.product", [["default_code", "!=", false]], ["default_code", "list_price"]),
      quants: await read("stock.quant", [["location_id.usage", "=", "internal"]], ["product_id", "quantity"]),
    });
    const first = await snapshot();
    await seedOdooDemoData(target, organisations);

    expect(await snapshot()).toEqual(first);
    expect(first.partners).toContainEqual(
      expect.objectContaining({
        name: "Acme Interiors GmbH",
        ref: organisations["Acme Interiors"],
        credit_limit: 25000,
        city: "Berlin",
      }),
    );
    expect((await read("res.company", [], ["currency_id"]))[0]?.currency_id).toEqual([125, "EUR"]);
    expect(first.partners.filter((partner) => partner.type === "delivery")).toHaveLength(3);
    expect(first.products.map((product) => product.default_code)).toContain("TBL-ATELIER-WALNUT");
    expect(first.quants.map((quant) => quant.quantity).sort((a, b) => Number(a) - Number(b))).toEqual([
      4, 12, 36, 60, 140,
    ]);
  });
});
