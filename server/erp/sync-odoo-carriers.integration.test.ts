// Carriers in the ERP cache, from the emulator acting as Odoo: every carrier with its rules in
// Tradepost's terms, archived and deleted ones inactive, twice without change, a rule edited on its
// own picked up by the reconciler's full read; and the shipping cost computed from the cached row.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import { testDb } from "../../test/support/db";
import { computeShippingCost, type TShippingCarrier, type TShippingCart } from "@/lib/erp/shipping-cost";
import { createCarrierReconciler } from "@/server/erp/carrier-reconciler";
import { processOdooCarrier } from "@/server/erp/process-odoo-carrier";
import { syncOdooCarriers } from "@/server/erp/sync-odoo-carriers";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";

const emulator = useOdooEmulator();
const raw = testDb();
afterAll(() => raw.$disconnect());
beforeEach(() => raw.erpCarrier.deleteMany());

async function createCarriers(client: OdooClient) {
  const countries = await client.search("res.country", [["code", "in", ["DE", "AT"]]]);
  const [dhlProduct, weightProduct] = await client.create("product.product", [
    { name: "Shipping DHL Paket", default_code: "SHIP-DHL", type: "service", list_price: 4.9 },
    { name: "Shipping by weight", default_code: "SHIP-WEIGHT", type: "service", list_price: 0 },
  ]);
  const [dhl, weight, old] = await client.create("delivery.carrier", [
    { name: "DHL Paket", fixed_price: 4.9, product_id: dhlProduct, country_ids: [[6, 0, countries]] },
    {
      name: "Weight based",
      delivery_type: "base_on_rule",
      product_id: weightProduct,
      free_over: true,
      amount: 500,
      price_rule_ids: [
        [0, 0, { variable: "weight", operator: "<=", max_value: 31.5, list_base_price: 12.9 }],
        [0, 0, { variable: "weight", operator: "<=", max_value: 5, list_base_price: 6.9, sequence: 5 }],
        [
          0,
          0,
          { variable: "weight", operator: ">", max_value: 31.5, list_base_price: 10, list_price: 0.5, sequence: 20 },
        ],
      ],
    },
    { name: "Old courier", product_id: dhlProduct, active: false },
  ]);

  return { dhl: dhl!, weight: weight!, old: old! };
}

const cached = async (id: number) => raw.erpCarrier.findUniqueOrThrow({ where: { odooCarrierId: id } });
const asCarrier = (row: Awaited<ReturnType<typeof cached>>): TShippingCarrier => ({
  ...row,
  priceRules: row.priceRules as TShippingCarrier["priceRules"],
});
const cart = (kg: number, amountMinor: number, countryCode = "DE"): TShippingCart => ({
  currency: "USD",
  countryCode,
  amountMinor,
  lines: [{ quantity: 2, weightKg: kg / 2, volumeM3: 0.01 }],
});

describe.each(ODOO_PROTOCOLS)("carriers in the cache over %s", (protocol) => {
  it("caches every carrier with its rules in Odoo's order, archived ones inactive; twice changes nothing", async () => {
    const client = emulator.client(protocol);
    const { dhl, weight, old } = await createCarriers(client);
    const reconciler = createCarrierReconciler(client);

    expect(await runReconciliation(reconciler)).toMatchObject({ read: 4, changed: 4, failed: 0 });
    expect(await cached(dhl)).toMatchObject({
      name: "DHL Paket",
      deliveryType: "fixed",
      active: true,
      currency: "USD",
      fixedPriceMinor: 490,
      freeOverMinor: null,
      countryCodes: ["AT", "DE"],
      priceRules: [],
    });
    expect(await cached(weight)).toMatchObject({
      deliveryType: "base_on_rule",
      freeOverMinor: 50_000,
      countryCodes: [],
      priceRules: [
        {
          variable: "weight",
          operator: "<=",
          maxValue: 5,
          basePriceMinor: 690,
          pricePerUnitMinor: 0,
          variableFactor: "weight",
        },
        {
          variable: "weight",
          operator: "<=",
          maxValue: 31.5,
          basePriceMinor: 1290,
          pricePerUnitMinor: 0,
          variableFactor: "weight",
        },
        {
          variable: "weight",
          operator: ">",
          maxValue: 31.5,
          basePriceMinor: 1000,
          pricePerUnitMinor: 50,
          variableFactor: "weight",
        },
      ],
    });
    expect(await cached(old)).toMatchObject({ name: "Old courier", active: false });
    const before = await raw.erpCarrier.findMany({ orderBy: { odooCarrierId: "asc" } });

    expect(await runReconciliation(reconciler)).toMatchObject({ read: 4, changed: 0, unchanged: 4 });
    expect(await raw.erpCarrier.findMany({ orderBy: { odooCarrierId: "asc" } })).toEqual(before);
  });

  it("picks up a rule edited on its own, an archived carrier and a deleted one", async () => {
    const client = emulator.client(protocol);
    const { dhl, weight } = await createCarriers(client);
    const reconciler = createCarrierReconciler(client);
    await runReconciliation(reconciler);
    await emulator.freezeClock("2031-01-01 10:00:00");

    const [firstRule] = await client.search("delivery.price.rule", [["carrier_id", "=", weight]], {
      order: "sequence",
    });
    await client.write("delivery.price.rule", [firstRule!], { list_base_price: 7.5 });
    await client.write("delivery.carrier", [dhl], { active: false });
    expect(await runReconciliation(reconciler)).toMatchObject({ changed: 2 });
    expect((await cached(weight)).priceRules).toMatchObject([{ basePriceMinor: 750 }, {}, {}]);
    expect((await cached(weight)).odooWriteDate.toISOString()).toBe("2031-01-01T10:00:00.000Z");
    expect(await cached(dhl)).toMatchObject({ active: false });

    await client.callMethod("delivery.carrier", "unlink", [weight], z.literal(true));
    expect(await runReconciliation(reconciler)).toMatchObject({ changed: 1 });
    expect(await cached(weight)).toMatchObject({ active: false, name: "Weight based" });
  });

  it("re-reads a carrier named by a webhook, trusting only its id", async () => {
    const client = emulator.client(protocol);
    const { dhl } = await createCarriers(client);
    const delivery = {
      id: "d",
      source: "odoo",
      subjectType: "delivery.carrier",
      subjectId: String(dhl),
      body: JSON.stringify({ _model: "delivery.carrier", id: dhl, fixed_price: 0.01 }),
      receivedAt: new Date(),
    };
    expect(await processOdooCarrier(delivery, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await cached(dhl)).toMatchObject({ fixedPriceMinor: 490 });
    expect(await syncOdooCarriers({ ids: [dhl] }, client)).toMatchObject({ outcome: "UNCHANGED" });
    expect(await syncOdooCarriers({ ids: [424242] }, client)).toMatchObject({ outcome: "UNCHANGED" });
  });

  it("prices carts from the cached rules as Odoo's rules say", async () => {
    const client = emulator.client(protocol);
    const { dhl, weight } = await createCarriers(client);
    await runReconciliation(createCarrierReconciler(client));
    const byWeight = asCarrier(await cached(weight));
    const fixed = asCarrier(await cached(dhl));

    expect(computeShippingCost(byWeight, cart(4, 10_000))).toEqual({ available: true, priceMinor: 690, free: false });
    expect(computeShippingCost(byWeight, cart(5, 10_000))).toMatchObject({ priceMinor: 690 });
    expect(computeShippingCost(byWeight, cart(20, 10_000))).toMatchObject({ priceMinor: 1290 });
    // 40 kg: 10.00 + 0.50 × 40.
    expect(computeShippingCost(byWeight, cart(40, 10_000))).toMatchObject({ priceMinor: 3000 });
    expect(computeShippingCost(byWeight, cart(40, 50_000))).toEqual({ available: true, priceMinor: 0, free: true });
    expect(computeShippingCost(fixed, cart(40, 50_000))).toMatchObject({ priceMinor: 490 });
    expect(computeShippingCost(fixed, cart(1, 100, "FR"))).toEqual({ available: false, reason: "DESTINATION" });
  });
});
