// The carriers gateway against the emulator (delivery module installed): fixed-price and
// rule-based shipping methods as the recording created them, prices in minor units,
// countries as ISO codes.
import { describe, expect, it } from "vitest";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import type { OdooClient } from "@/server/odoo/client";
import { findCarriers } from "@/server/odoo/carriers";

const emulator = useOdooEmulator();

async function createCarriers(client: OdooClient) {
  const countries = await client.search("res.country", [["code", "in", ["DE", "AT"]]]);
  const [dhlProduct, weightProduct] = await client.create("product.product", [
    { name: "Shipping DHL Paket", default_code: "SHIP-DHL", type: "service", list_price: 4.9 },
    { name: "Shipping by weight", default_code: "SHIP-WEIGHT", type: "service", list_price: 0 },
  ]);
  const [dhl, weight] = await client.create("delivery.carrier", [
    {
      name: "DHL Paket",
      delivery_type: "fixed",
      fixed_price: 4.9,
      product_id: dhlProduct,
      country_ids: [[6, 0, countries]],
    },
    {
      name: "Weight based",
      delivery_type: "base_on_rule",
      product_id: weightProduct,
      free_over: true,
      amount: 500,
      price_rule_ids: [
        [0, 0, { variable: "weight", operator: "<=", max_value: 31.5, list_base_price: 12.9 }],
        [0, 0, { variable: "weight", operator: "<=", max_value: 5, list_base_price: 6.9, sequence: 5 }],
      ],
    },
  ]);

  return { dhl: dhl!, weight: weight!, dhlProduct: dhlProduct! };
}

describe.each(ODOO_PROTOCOLS)("carriers over %s", (protocol) => {
  it("lists active shipping methods with countries, prices and rules in Odoo's order", async () => {
    const client = emulator.client(protocol);
    const { dhl, weight, dhlProduct } = await createCarriers(client);
    const [archived] = await client.create("delivery.carrier", {
      name: "Old courier",
      product_id: dhlProduct,
      active: false,
    });

    const carriers = await findCarriers(client);

    expect(carriers.map((carrier) => carrier.name)).toEqual(["Standard delivery", "DHL Paket", "Weight based"]);
    expect(carriers.find((carrier) => carrier.id === dhl)).toEqual({
      id: dhl,
      name: "DHL Paket",
      deliveryType: "fixed",
      fixedPriceMinor: 490,
      productId: dhlProduct,
      freeOverMinor: null,
      active: true,
      // In res.country's order (by name), as Odoo reads a many2many.
      countryCodes: ["AT", "DE"],
      priceRules: [],
    });
    const byWeight = carriers.find((carrier) => carrier.id === weight)!;
    expect(byWeight).toMatchObject({
      deliveryType: "base_on_rule",
      fixedPriceMinor: 0,
      freeOverMinor: 50_000,
      countryCodes: [],
    });
    expect(
      byWeight.priceRules.map((rule) => [
        rule.sequence,
        rule.variable,
        rule.operator,
        rule.maxValue,
        rule.basePriceMinor,
        rule.pricePerUnitMinor,
      ]),
    ).toEqual([
      [5, "weight", "<=", 5, 690, 0],
      [10, "weight", "<=", 31.5, 1290, 0],
    ]);
    expect((await findCarriers(client, { ids: [archived!] })).map((carrier) => [carrier.name, carrier.active])).toEqual(
      [["Old courier", false]],
    );
  });
});
