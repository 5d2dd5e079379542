// Stock in the ERP cache: one product's quants in internal locations, per SKU and location, from
// the emulator acting as Odoo — synced twice without change, a stock count reaching the cache
// through the webhook processor and through the reconciler, quants outside internal locations
// ignored, emptied locations removed, and an older read arriving late never winning.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ODOO_PROTOCOLS, useOdooEmulator } from "../../test/support/odoo-gateway";
import { testDb } from "../../test/support/db";
import { processOdooStockQuant } from "@/server/erp/process-odoo-stock-quant";
import { createStockReconciler } from "@/server/erp/stock-reconciler";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { findProductQuants, type TOdooQuant } from "@/server/odoo/stock";

const emulator = useOdooEmulator();
const raw = testDb();
afterAll(() => raw.$disconnect());
// The emulator is reseeded before each test (ids start over): so is the cache.
beforeEach(() => raw.erpStock.deleteMany());

const WH_STOCK = 5;

async function product(client: OdooClient, sku: string | false): Promise<number> {
  const [id] = await client.create("product.product", { name: `P ${sku}`, default_code: sku, is_storable: true });

  return id!;
}

/** A stock count "as an Odoo user": the emulator's admin action, which fires Odoo's webhooks. */
async function count(productId: number, quantity: number, locationId = WH_STOCK): Promise<number> {
  const { status, body } = await emulator.odoo.admin("POST", "actions/stock", { productId, quantity, locationId });
  expect(status).toBe(200);

  return (body as { quantId: number }).quantId;
}

const rows = (sku: string) =>
  raw.erpStock.findMany({ where: { sku }, orderBy: { locationId: "asc" } }).then((found) =>
    found.map((row) => ({
      location: row.locationName,
      onHand: Number(row.onHand),
      reserved: Number(row.reserved),
      available: Number(row.available),
    })),
  );

const delivery = (quantId: number, body: object = {}) => ({
  id: "d",
  source: "odoo",
  subjectType: "stock.quant",
  subjectId: String(quantId),
  body: JSON.stringify({ _model: "stock.quant", _id: quantId, id: quantId, ...body }),
  receivedAt: new Date(),
});

/** The same client, but stock.quant reads answer what Odoo said earlier (a slow sync finishing late). */
function replaying(client: OdooClient, quants: TOdooQuant[]): OdooClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === "searchRead")
        return (model: string, ...rest: unknown[]) =>
          model === "stock.quant"
            ? Promise.resolve(quants)
            : (target.searchRead as (...args: unknown[]) => unknown)(model, ...rest);
      const value: unknown = Reflect.get(target, property);

      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe.each(ODOO_PROTOCOLS)("stock in the cache over %s", (protocol) => {
  it("keeps internal locations only, per location, and a second sync changes nothing", async () => {
    const client = emulator.client(protocol);
    // complete_name given: Odoo computes it from the parent, the emulator only displays it.
    const [shelf] = await client.create("stock.location", {
      name: "Shelf 2",
      complete_name: "WH/Shelf 2",
      location_id: 6,
      usage: "internal",
    });
    const feet = await product(client, `FEET-${protocol}`);
    await count(feet, 25);
    await count(feet, 7.5, shelf);

    const first = await syncOdooStock({ productId: feet }, client);
    expect(first).toMatchObject({ outcome: "CHANGED", detail: { written: 2, deleted: 0 } });
    // The inventory-adjustment quants (-25, -7.5) are Odoo's bookkeeping, not stock.
    expect(await rows(`FEET-${protocol}`)).toEqual([
      { location: "WH/Stock", onHand: 25, reserved: 0, available: 25 },
      { location: "WH/Shelf 2", onHand: 7.5, reserved: 0, available: 7.5 },
    ]);
    const before = await raw.erpStock.findMany({ where: { sku: `FEET-${protocol}` }, orderBy: { locationId: "asc" } });
    expect(before.every((row) => row.odooProductId === feet)).toBe(true);

    expect(await syncOdooStock({ productId: feet }, client)).toMatchObject({ outcome: "UNCHANGED" });
    expect(await raw.erpStock.findMany({ where: { sku: `FEET-${protocol}` }, orderBy: { locationId: "asc" } })).toEqual(
      before,
    );
  });

  it("has no rows for a product without quants or without SKU, and removes an emptied location", async () => {
    const client = emulator.client(protocol);
    const bare = await product(client, "BARE");
    expect(await syncOdooStock({ productId: bare }, client)).toMatchObject({ outcome: "UNCHANGED" });
    expect(await rows("BARE")).toEqual([]);

    const bolts = await product(client, "BOLTS");
    await count(bolts, 12);
    await syncOdooStock({ productId: bolts }, client);
    expect(await rows("BOLTS")).toHaveLength(1);
    await count(bolts, 0);
    expect(await syncOdooStock({ productId: bolts }, client)).toMatchObject({
      outcome: "CHANGED",
      detail: { deleted: 1 },
    });
    expect(await rows("BOLTS")).toEqual([]);

    // The SKU taken off the product in Odoo: its rows go.
    await count(bolts, 3);
    await syncOdooStock({ productId: bolts }, client);
    await client.write("product.product", [bolts], { default_code: false });
    expect(await syncOdooStock({ productId: bolts }, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await raw.erpStock.count({ where: { odooProductId: bolts } })).toBe(0);
  });

  it("takes a stock count to the cache through the webhook processor, whatever the body says", async () => {
    const client = emulator.client(protocol);
    const gear = await product(client, "GEAR");
    const quantId = await count(gear, 12);
    const result = await processOdooStockQuant(delivery(quantId, { quantity: 999, product_id: 424242 }), client);
    expect(result).toMatchObject({ outcome: "CHANGED", externalId: String(gear) });
    expect(await rows("GEAR")).toEqual([{ location: "WH/Stock", onHand: 12, reserved: 0, available: 12 }]);

    // A delivery about the counterpart quant in "Inventory adjustment" re-syncs the product: nothing changes.
    const [adjustment] = await client.search("stock.quant", [
      ["product_id", "=", gear],
      ["location_id", "=", 11],
    ]);
    expect(await processOdooStockQuant(delivery(adjustment!), client)).toMatchObject({ outcome: "UNCHANGED" });
    expect(await processOdooStockQuant(delivery(9_999_999), client)).toMatchObject({ outcome: "SKIPPED" });
    expect(await rows("GEAR")).toEqual([{ location: "WH/Stock", onHand: 12, reserved: 0, available: 12 }]);
  });

  it("takes a stock count to the cache through the reconciler, once per product per page", async () => {
    const client = emulator.client(protocol);
    const name = `odoo.stock.quant`;
    await raw.syncCursor.deleteMany({ where: { name } });
    await emulator.freezeClock("2031-02-01 10:00:00");
    const nuts = await product(client, "NUTS");
    await count(nuts, 4);
    await count(nuts, 6);
    const reconciler = createStockReconciler(client);

    const first = await runReconciliation(reconciler);
    expect(await rows("NUTS")).toEqual([{ location: "WH/Stock", onHand: 6, reserved: 0, available: 6 }]);
    expect(first.read).toBe(1); // one product, however many of its quants changed
    expect(await runReconciliation(reconciler)).toMatchObject({ changed: 0 });

    // A later second: a quant rewritten within the second already read reads as unchanged (changed-since.ts).
    await emulator.freezeClock("2031-02-01 10:00:01");
    await count(nuts, 9);
    await runReconciliation(reconciler);
    expect(await rows("NUTS")).toEqual([{ location: "WH/Stock", onHand: 9, reserved: 0, available: 9 }]);
    expect(await raw.syncRun.count({ where: { kind: "odoo.stock.sync", externalId: String(nuts) } })).toBeGreaterThan(
      0,
    );
  });

  it("never lets an older read overwrite newer stock", async () => {
    const client = emulator.client(protocol);
    const pins = await product(client, "PINS");
    await emulator.freezeClock("2031-01-01 10:00:00");
    await count(pins, 5);
    const earlier = await findProductQuants(client, pins);
    await emulator.freezeClock("2031-01-01 10:00:05");
    await count(pins, 8);

    await syncOdooStock({ productId: pins }, client);
    const late = await syncOdooStock({ productId: pins }, replaying(client, earlier));
    expect(late).toMatchObject({ outcome: "UNCHANGED", detail: { older: 1 } });
    expect(await rows("PINS")).toEqual([{ location: "WH/Stock", onHand: 8, reserved: 0, available: 8 }]);
    const [row] = await raw.erpStock.findMany({ where: { sku: "PINS" } });
    expect(row?.odooWriteDate.toISOString()).toBe("2031-01-01T10:00:05.000Z");
  });
});
