// The shipping cost Tradepost computes from its cached carriers equals the one Odoo computes for
// the same order: the emulator prices each order with each carrier through Odoo's own path (the
// choose.delivery.carrier wizard's update_price, from Odoo's delivery source), and we price a cart
// built from what Tradepost knows about the same lines (quantities, product weights and volumes,
// the order total with taxes) with lib/erp/shipping-cost over the row the carrier sync cached.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { testDb } from "../../test/support/db";
import { computeShippingCost, type TShippingCarrier, type TShippingCart } from "@/lib/erp/shipping-cost";
import { createCarrierReconciler } from "@/server/erp/carrier-reconciler";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";

const emulator = useOdooEmulator();
const raw = testDb();
afterAll(() => raw.$disconnect());

type TProduct = { id: number; weightKg: number; volumeM3: number; isService: boolean };

async function catalogue(client: OdooClient) {
  const specs = [
    { name: "Bracket", default_code: "CMP-BRACKET", list_price: 12.5, weight: 0.35, volume: 0.001 },
    { name: "Panel", default_code: "CMP-PANEL", list_price: 89, weight: 7.25, volume: 0.04 },
    { name: "Cabinet", default_code: "CMP-CABINET", list_price: 640, weight: 38, volume: 0.6 },
    { name: "Installation", default_code: "CMP-INSTALL", list_price: 150, type: "service", weight: 0, volume: 0 },
  ];
  const ids = await client.create(
    "product.product",
    specs.map((spec) => ({ type: "consu", is_storable: spec.type !== "service", ...spec })),
  );

  return Object.fromEntries(
    specs.map((spec, index) => [
      spec.name,
      { id: ids[index]!, weightKg: spec.weight, volumeM3: spec.volume, isService: spec.type === "service" },
    ]),
  ) as Record<string, TProduct>;
}

async function carriers(client: OdooClient) {
  const countries = await client.search("res.country", [["code", "in", ["DE", "AT"]]]);
  const [serviceProduct] = await client.create("product.product", {
    name: "Shipping",
    default_code: "SHIP",
    type: "service",
  });
  const rule = (values: Record<string, unknown>) => [0, 0, values];
  const ids = await client.create("delivery.carrier", [
    { name: "DHL Paket", fixed_price: 4.9, product_id: serviceProduct, country_ids: [[6, 0, countries]] },
    { name: "Flat, free over 1000", fixed_price: 19, free_over: true, amount: 1000, product_id: serviceProduct },
    {
      name: "By weight",
      delivery_type: "base_on_rule",
      product_id: serviceProduct,
      free_over: true,
      amount: 2500,
      price_rule_ids: [
        rule({ variable: "weight", operator: "<=", max_value: 5, list_base_price: 6.9 }),
        rule({ variable: "weight", operator: "<=", max_value: 31.5, list_base_price: 12.9 }),
        rule({
          variable: "weight",
          operator: ">",
          max_value: 31.5,
          list_base_price: 20,
          list_price: 0.85,
          sequence: 20,
        }),
      ],
    },
    {
      name: "By volume and value",
      delivery_type: "base_on_rule",
      product_id: serviceProduct,
      price_rule_ids: [
        rule({ variable: "quantity", operator: ">=", max_value: 40, list_base_price: 99, sequence: 1 }),
        rule({ variable: "volume", operator: "<", max_value: 0.05, list_price: 150, variable_factor: "volume" }),
        rule({ variable: "wv", operator: "<=", max_value: 30, list_price: 0.015, variable_factor: "price" }),
      ],
    },
  ]);
  await runReconciliation(createCarrierReconciler(client));

  return ids;
}

/** The price the emulator (as Odoo) computes for this order and carrier, or the error Odoo raises. */
async function odooPrice(client: OdooClient, orderId: number, carrierId: number): Promise<number | string> {
  const [wizard] = await client.create("choose.delivery.carrier", { order_id: orderId, carrier_id: carrierId });
  try {
    await client.callMethod("choose.delivery.carrier", "update_price", [wizard!], z.unknown());
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const [read] = await client.read(
    "choose.delivery.carrier",
    [wizard!],
    ["delivery_price"],
    z.object({ id: z.number(), delivery_price: z.number() }),
  );

  return Math.round(read!.delivery_price * 100);
}

const cachedCarrier = async (id: number): Promise<TShippingCarrier> => {
  const row = await raw.erpCarrier.findUniqueOrThrow({ where: { odooCarrierId: id } });

  return { ...row, priceRules: row.priceRules as TShippingCarrier["priceRules"] };
};

describe("shipping cost: Tradepost's equals Odoo's", () => {
  it("for fixed and rule-based carriers over orders of every size and destination", async () => {
    const client = emulator.client("json2");
    const products = await catalogue(client);
    const carrierIds = await carriers(client);
    // Germany and France are abroad for the emulator's US company (0% export tax); the US customer pays sales tax.
    const [germany, france, usa] = await client.create("res.partner", [
      { name: "Globex Handels GmbH", is_company: true, country_id: 57 },
      { name: "Société Exemple", is_company: true, country_id: 75 },
      { name: "Initech Inc.", is_company: true, country_id: 233 },
    ]);
    const countryOf = { [germany!]: "DE", [france!]: "FR", [usa!]: "US" };
    const orders: { partner: number; lines: [string, number][] }[] = [
      { partner: germany!, lines: [["Bracket", 4]] }, // 1.4 kg
      {
        partner: germany!,
        lines: [
          ["Bracket", 1],
          ["Panel", 2],
        ],
      }, // 14.85 kg
      {
        partner: germany!,
        lines: [
          ["Panel", 3],
          ["Installation", 1],
        ],
      }, // 21.75 kg, a service
      {
        partner: germany!,
        lines: [
          ["Cabinet", 1],
          ["Bracket", 3],
        ],
      }, // 39.05 kg: per-kg rule
      { partner: germany!, lines: [["Cabinet", 4]] }, // free over 2500
      { partner: germany!, lines: [["Bracket", 40]] }, // 40 units
      { partner: france!, lines: [["Panel", 1]] }, // DHL does not ship to France
      {
        partner: france!,
        lines: [
          ["Bracket", 2],
          ["Panel", 1],
        ],
      },
      { partner: usa!, lines: [["Panel", 11]] }, // 979.00 before tax: free over 1000 only with the tax counted
      {
        partner: usa!,
        lines: [
          ["Cabinet", 1],
          ["Bracket", 3],
        ],
      },
    ];

    let compared = 0;
    for (const order of orders) {
      const [orderId] = await client.create("sale.order", {
        partner_id: order.partner,
        order_line: order.lines.map(([name, qty]) => [0, 0, { product_id: products[name]!.id, product_uom_qty: qty }]),
      });
      const [read] = await client.read(
        "sale.order",
        [orderId!],
        ["amount_total"],
        z.object({ id: z.number(), amount_total: z.number() }),
      );
      const amountTotal = read!.amount_total;
      const cart: TShippingCart = {
        currency: "USD",
        countryCode: countryOf[order.partner]!,
        amountMinor: Math.round(amountTotal * 100),
        lines: order.lines.map(([name, quantity]) => ({ quantity, ...products[name]! })),
      };
      for (const carrierId of carrierIds) {
        const odoo = await odooPrice(client, orderId!, carrierId);
        const ours = computeShippingCost(await cachedCarrier(carrierId), cart);
        const label = `order ${JSON.stringify(order.lines)} to ${cart.countryCode}, carrier ${carrierId}`;
        if (typeof odoo === "number")
          expect({ label, ours }).toEqual({ label, ours: expect.objectContaining({ priceMinor: odoo }) });
        else expect({ label, ours: ours.available }).toEqual({ label, ours: false });
        compared += 1;
      }
    }
    expect(compared).toBe(orders.length * carrierIds.length);
  });
});
