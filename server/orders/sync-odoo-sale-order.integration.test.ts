// J6 and changes from Odoo, against the emulator and the real Medusa: a sales rep's confirmed
// order becomes ours (SALES_REP, never pushed) and a Medusa order with Odoo's prices, unknown
// products as custom lines, exactly once; our own pushed order is never imported, also when its
// webhook arrives before the push stored Odoo's id; a cancellation in Odoo cancels the order in
// Medusa and here; a quantity changed in Odoo is recorded on the order and in its timeline.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { medusaAdmin, useDemoBuyers } from "../../test/support/cart";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import {
  createOdooProducts,
  linkOrganisationToOdoo,
  placeAndPushOrder,
  pushToOdoo,
  SCREEN_LARGE,
  SCREEN_SMALL,
} from "../../test/support/odoo-orders";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import { getMedusaAdminOrder } from "@/server/medusa/fulfilments";
import { getSaleOrderWithLines } from "@/server/odoo/sale-orders";
import { createSaleOrderReconciler } from "@/server/orders/sale-order-reconciler";
import { syncOdooSaleOrder } from "@/server/orders/sync-odoo-sale-order";

const db = testDb();
const emulator = useOdooEmulator();
let acme = "";
let buyerId = "";
useDemoBuyers(db, (buyers) => {
  acme = buyers.acme;
  buyerId = buyers.buyerA.id;
});
afterAll(() => db.$disconnect());

let partnerId = 0;
let products: Record<string, number> = {};
const ODOO_ONLY = "SVC-ONSITE-INSTALL";
beforeEach(async () => {
  await db.order.deleteMany({});
  await db.externalLink.deleteMany({ where: { entityType: { in: ["order", "order_line", "delivery"] } } });
  await db.syncCursor.deleteMany({});
  const client = emulator.client("json2");
  partnerId = await linkOrganisationToOdoo(db, client, acme, "Acme Interiors GmbH");
  products = await createOdooProducts(client, emulator.odoo.admin, [
    { sku: SCREEN_SMALL, name: "Desk screen 1200", price: 89, stock: 20 },
    { sku: SCREEN_LARGE, name: "Desk screen 1600", price: 109, stock: 20 },
    { sku: ODOO_ONLY, name: "On-site installation", price: 120, stock: 5 },
  ]);
});

const salesRepOrder = async (lines: { productId: number; quantity: number; priceUnit: number }[], ref?: string) => {
  const { status, body } = await emulator.odoo.admin("POST", "actions/sale-order", {
    partnerId,
    lines,
    ...(ref ? { clientOrderRef: ref } : {}),
  });
  expect(status).toBe(200);

  return body as { id: number; name: string };
};

const ZMedusaOrders = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
      items: z.array(
        z.object({
          title: z.string(),
          variant_sku: z.string().nullish(),
          unit_price: z.coerce.number(),
          quantity: z.coerce.number(),
        }),
      ),
    }),
  ),
});
const medusaOrdersOf = async (orderId: string) =>
  ZMedusaOrders.parse(
    await medusaAdmin.admin.order.list({ fields: "id,metadata,*items", order: "-created_at", limit: 100 }),
  ).orders.filter((order) => order.metadata?.tradepost_order_id === orderId);

describe("sales-rep orders from Odoo (J6)", () => {
  it("become one order of ours and one Medusa order with Odoo's prices; unknown products as custom lines", async () => {
    const client = emulator.client("json2");
    const odoo = await salesRepOrder(
      [
        { productId: products[SCREEN_SMALL]!, quantity: 2, priceUnit: 80 },
        { productId: products[ODOO_ONLY]!, quantity: 1, priceUnit: 99.5 },
      ],
      "PO-7781",
    );
    const first = await syncOdooSaleOrder(odoo.id, client);
    expect(first).toMatchObject({ outcome: "CHANGED" });
    expect(await syncOdooSaleOrder(odoo.id, client)).toMatchObject({ outcome: "UNCHANGED" });

    const orders = await db.order.findMany({ where: { organisationId: acme }, include: { lines: true } });
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(order).toMatchObject({
      source: "SALES_REP",
      status: "PLACED",
      pushStatus: "NOT_APPLICABLE",
      odooOrderId: odoo.id,
      odooOrderName: odoo.name,
      buyerId: null,
      poNumber: "PO-7781",
      subtotalMinor: 2 * 8000 + 9950,
    });
    expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor]).sort()).toEqual(
      [
        [SCREEN_SMALL, 2, 8000],
        [ODOO_ONLY, 1, 9950],
      ].sort(),
    );
    expect(
      await db.externalLink.findUnique({
        where: { system_entityType_localId: { system: "ODOO", entityType: "order", localId: order.id } },
      }),
    ).toMatchObject({ externalId: String(odoo.id) });

    const medusa = await medusaOrdersOf(order.id);
    expect(medusa).toHaveLength(1);
    expect(medusa[0]!.id).toBe(order.medusaOrderId);
    const items = medusa[0]!.items.map((item) => [
      item.variant_sku ?? null,
      item.title,
      item.unit_price,
      item.quantity,
    ]);
    expect(items).toContainEqual([SCREEN_SMALL, expect.any(String), 80, 2]);
    expect(items).toContainEqual([null, "On-site installation", 99.5, 1]);

    // Never pushed back: Odoo still has exactly the one order.
    expect(await client.searchCount("sale.order", [])).toBe(1);
  });

  it("our own order is never imported, also when Odoo's webhook comes before the push stored its id", async () => {
    const client = emulator.client("json2");
    const ours = await placeAndPushOrder(
      db,
      client,
      { organisationId: acme, buyerId, partnerId, lines: [{ sku: SCREEN_LARGE, quantity: 1, unitPriceMinor: 10500 }] },
      { push: false },
    );
    // The push created and confirmed the Odoo order, but has not stored its id yet.
    const odooId = await pushToOdoo(db, client, {
      orderId: ours.id,
      reference: ours.reference,
      partnerId,
      store: false,
    });
    expect(await syncOdooSaleOrder(odooId, client)).toMatchObject({ localId: ours.id });
    expect(await runReconciliation(createSaleOrderReconciler(client))).toMatchObject({ failed: 0 });
    expect(await db.order.findMany({ where: { organisationId: acme }, select: { id: true, source: true } })).toEqual([
      { id: ours.id, source: "CHECKOUT" },
    ]);
    expect(await medusaOrdersOf(ours.id)).toHaveLength(1);
  });

  it("an order naming one of our references we do not have is not imported", async () => {
    const client = emulator.client("json2");
    const odoo = await salesRepOrder([{ productId: products[SCREEN_SMALL]!, quantity: 1, priceUnit: 89 }], "TP-999999");
    expect(await syncOdooSaleOrder(odoo.id, client)).toMatchObject({ outcome: "SKIPPED" });
    expect(await db.order.count()).toBe(0);
  });

  it("is found by reconciliation when every webhook was lost", async () => {
    const client = emulator.client("json2");
    await emulator.odoo.admin("PUT", "faults/webhooks", { drop: true });
    const odoo = await salesRepOrder([{ productId: products[SCREEN_LARGE]!, quantity: 3, priceUnit: 100 }]);
    expect(await runReconciliation(createSaleOrderReconciler(client))).toMatchObject({ changed: 1, failed: 0 });
    expect(await db.order.findUnique({ where: { odooOrderId: odoo.id } })).toMatchObject({ source: "SALES_REP" });
  });
});

describe("changes from Odoo", () => {
  it("an order cancelled in Odoo is cancelled in Medusa and here, once", async () => {
    const client = emulator.client("json2");
    const order = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [{ sku: SCREEN_SMALL, quantity: 2, unitPriceMinor: 8900 }],
    });
    await emulator.odoo.admin("POST", "actions/cancel-order", { saleOrderId: order.odooOrderId });
    expect(await syncOdooSaleOrder(order.odooOrderId, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await syncOdooSaleOrder(order.odooOrderId, client)).toMatchObject({ outcome: "UNCHANGED" });
    expect(await db.order.findUnique({ where: { id: order.id } })).toMatchObject({
      status: "CANCELLED",
      cancelledAt: expect.any(Date),
    });
    expect((await getMedusaAdminOrder(order.medusaOrderId))!.status).toBe("canceled");
    expect(await db.auditLog.count({ where: { entityId: order.id, action: "order.cancelled-in-odoo" } })).toBe(1);
  });

  it("a quantity changed in Odoo after confirmation is written on the order and into its timeline", async () => {
    const client = emulator.client("json2");
    const order = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [
        { sku: SCREEN_SMALL, quantity: 2, unitPriceMinor: 8900 },
        { sku: SCREEN_LARGE, quantity: 1, unitPriceMinor: 10900 },
      ],
    });
    expect(await syncOdooSaleOrder(order.odooOrderId, client)).toMatchObject({ outcome: "CHANGED" }); // odooState
    expect(await syncOdooSaleOrder(order.odooOrderId, client)).toMatchObject({ outcome: "UNCHANGED" });
    const odoo = (await getSaleOrderWithLines(client, order.odooOrderId))!;
    await emulator.odoo.admin("POST", "actions/order-line", { lineId: odoo.lines[0]!.id, quantity: 5 });
    expect(await syncOdooSaleOrder(order.odooOrderId, client)).toMatchObject({ outcome: "CHANGED" });
    expect(await syncOdooSaleOrder(order.odooOrderId, client)).toMatchObject({ outcome: "UNCHANGED" });
    const lines = await db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { position: "asc" } });
    expect(lines.map((l) => [l.sku, l.quantity, l.lineTotalMinor])).toEqual([
      [SCREEN_SMALL, 5, 5 * 8900],
      [SCREEN_LARGE, 1, 10900],
    ]);
    const entries = await db.auditLog.findMany({ where: { entityId: order.id, action: "order.changed-in-odoo" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.before).toMatchObject({
      lines: [
        { sku: SCREEN_SMALL, quantity: 2 },
        { sku: SCREEN_LARGE, quantity: 1 },
      ],
    });
    expect(entries[0]!.after).toMatchObject({
      lines: [
        { sku: SCREEN_SMALL, quantity: 5 },
        { sku: SCREEN_LARGE, quantity: 1 },
      ],
    });
  });
});
