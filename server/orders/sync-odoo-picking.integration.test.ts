// J5 against the Odoo emulator and the real Medusa: a delivery validated in Odoo becomes a
// Medusa fulfilment shipped with the tracking number, for the delivered quantities; a partial
// delivery and its backorder are two shipments; the same picking again (webhook twice, webhook
// and reconciliation, two at once) creates nothing more — and the buyer's "order shipped" email
// with the tracking number is queued once per delivery.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { useDemoBuyers } from "../../test/support/cart";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import {
  createOdooProducts,
  linkOrganisationToOdoo,
  placeAndPushOrder,
  SCREEN_LARGE,
  SCREEN_SMALL,
} from "../../test/support/odoo-orders";
import { reportDrift } from "@/server/erp/report-drift";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { stopSender } from "@/server/jobs/enqueue";
import { getMedusaAdminOrder } from "@/server/medusa/fulfilments";
import { findPickingsForSaleOrder } from "@/server/odoo/pickings";
import { createPickingReconciler } from "@/server/orders/picking-reconciler";
import { syncOdooPicking } from "@/server/orders/sync-odoo-picking";

const db = testDb();
const emulator = useOdooEmulator();
let acme = "";
let buyerId = "";
let buyerEmail = "";
useDemoBuyers(db, (buyers) => {
  acme = buyers.acme;
  buyerId = buyers.buyerA.id;
  buyerEmail = buyers.buyerA.email;
});
// The shipped email is enqueued through the app's pg-boss sender: stop it before the database goes.
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

let partnerId = 0;
let products: Record<string, number> = {};
// Each test starts a fresh Odoo whose ids start again: forget what pointed at the previous one.
beforeEach(async () => {
  await db.order.deleteMany({});
  await db.externalLink.deleteMany({ where: { entityType: { in: ["order", "order_line", "delivery"] } } });
  await db.syncCursor.deleteMany({});
  const client = emulator.client("json2");
  partnerId = await linkOrganisationToOdoo(db, client, acme, "Acme Interiors GmbH");
  products = await createOdooProducts(client, emulator.odoo.admin, [
    { sku: SCREEN_SMALL, name: "Desk screen 1200", price: 89, stock: 3 },
    { sku: SCREEN_LARGE, name: "Desk screen 1600", price: 109, stock: 10 },
  ]);
});

/** The "order shipped" emails queued for this test's buyer: [order reference, tracking number], oldest first. */
const shippedMails = async () =>
  (
    await db.$queryRaw<{ data: { payload: { data: { orderReference: string; trackingNumber: string } } } }[]>`
      SELECT data FROM pgboss.job WHERE name = ${sendEmailJob.name}
      AND data->'payload'->>'template' = 'order-shipped' AND data->'payload'->>'to' = ${buyerEmail}
      ORDER BY created_on, id`
  ).map((row) => [row.data.payload.data.orderReference, row.data.payload.data.trackingNumber]);

const deliver = (body: Record<string, unknown>) => emulator.odoo.admin("POST", "actions/deliver", body);
const quantities = (
  items: { lineItemId: string; quantity: number }[],
  medusaItems: { id: string; sku: string | null }[],
) => Object.fromEntries(items.map((item) => [medusaItems.find((m) => m.id === item.lineItemId)?.sku, item.quantity]));

describe("deliveries from Odoo (J5)", () => {
  it("a partial delivery and its backorder become two shipments with their tracking numbers, each once", async () => {
    const client = emulator.client("json2");
    const order = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [
        { sku: SCREEN_SMALL, quantity: 5, unitPriceMinor: 8900 },
        { sku: SCREEN_LARGE, quantity: 2, unitPriceMinor: 10900 },
      ],
    });
    // Only 3 of the 5 small screens are in stock: Odoo delivers 3 + 2 and keeps a backorder of 2.
    expect((await deliver({ saleOrderId: order.odooOrderId, trackingRef: "1Z999AA10123456784" })).status).toBe(200);
    const [first, backorder] = await findPickingsForSaleOrder(client, order.odooOrderId);
    expect(first).toMatchObject({ state: "done" });
    expect(backorder).toMatchObject({ state: "confirmed", backorderOfId: first!.id });

    expect(await syncOdooPicking(first!.id, client)).toMatchObject({ outcome: "CHANGED", localId: order.id });
    expect(await syncOdooPicking(first!.id, client)).toMatchObject({ outcome: "UNCHANGED" });
    expect(await syncOdooPicking(backorder!.id, client)).toMatchObject({ outcome: "SKIPPED" });
    // Reconciliation reads the done delivery only, not the backorder still waiting for stock.
    expect(await runReconciliation(createPickingReconciler(client))).toMatchObject({ read: 1, changed: 0, failed: 0 });
    expect(await shippedMails()).toEqual([[order.reference, "1Z999AA10123456784"]]);
    let medusa = (await getMedusaAdminOrder(order.medusaOrderId))!;
    expect(medusa.fulfilments).toHaveLength(1);
    expect(medusa.fulfilments[0]).toMatchObject({ shipped: true, trackingNumbers: ["1Z999AA10123456784"] });
    expect(quantities(medusa.fulfilments[0]!.items, medusa.items)).toEqual({ [SCREEN_SMALL]: 3, [SCREEN_LARGE]: 2 });

    // Stock arrives; the backorder goes out with its own tracking number, found by reconciliation alone.
    await emulator.odoo.admin("POST", "actions/stock", { productId: products[SCREEN_SMALL], quantity: 10 });
    await deliver({ pickingId: backorder!.id, trackingRef: "1Z999AA10123456785" });
    expect(await runReconciliation(createPickingReconciler(client))).toMatchObject({ changed: 1, failed: 0 });
    await db.syncCursor.deleteMany({});
    expect(await runReconciliation(createPickingReconciler(client))).toMatchObject({ changed: 0, failed: 0 });

    medusa = (await getMedusaAdminOrder(order.medusaOrderId))!;
    expect(medusa.fulfilments).toHaveLength(2);
    const second = medusa.fulfilments.find((f) => f.odooPickingId === backorder!.id)!;
    expect(second).toMatchObject({ shipped: true, trackingNumbers: ["1Z999AA10123456785"] });
    expect(quantities(second.items, medusa.items)).toEqual({ [SCREEN_SMALL]: 2 });
    const shipments = await db.shipment.findMany({ where: { orderId: order.id }, orderBy: { shippedAt: "asc" } });
    expect(shipments.map((s) => [s.odooPickingName, s.trackingRef, s.lines])).toEqual([
      [
        first!.name,
        "1Z999AA10123456784",
        [
          { sku: SCREEN_SMALL, title: expect.any(String), quantity: 3 },
          { sku: SCREEN_LARGE, title: expect.any(String), quantity: 2 },
        ],
      ],
      [backorder!.name, "1Z999AA10123456785", [{ sku: SCREEN_SMALL, title: expect.any(String), quantity: 2 }]],
    ]);
    expect(shipments.every((s) => s.medusaFulfilmentId)).toBe(true);
    expect(await shippedMails()).toEqual([
      [order.reference, "1Z999AA10123456784"],
      [order.reference, "1Z999AA10123456785"],
    ]);
  });

  it("two syncs of the same delivery at once make one fulfilment", async () => {
    const client = emulator.client("json2");
    const order = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [{ sku: SCREEN_LARGE, quantity: 4, unitPriceMinor: 10900 }],
    });
    await deliver({ saleOrderId: order.odooOrderId, trackingRef: "TRACK-RACE" });
    const [picking] = await findPickingsForSaleOrder(client, order.odooOrderId);
    const results = await Promise.all([syncOdooPicking(picking!.id, client), syncOdooPicking(picking!.id, client)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(expect.arrayContaining(["CHANGED"]));
    const medusa = (await getMedusaAdminOrder(order.medusaOrderId))!;
    expect(medusa.fulfilments).toHaveLength(1);
    expect(await db.shipment.count({ where: { orderId: order.id } })).toBe(1);
    expect(await shippedMails()).toEqual([[order.reference, "TRACK-RACE"]]);
  });

  it("a delivery of an order that is not ours is skipped without touching Medusa", async () => {
    const client = emulator.client("json2");
    const { body } = await emulator.odoo.admin("POST", "actions/sale-order", {
      partnerId: (await client.create("res.partner", { name: "Walk-in customer", is_company: true }))[0],
      lines: [{ productId: products[SCREEN_LARGE], quantity: 1 }],
    });
    const { pickingIds } = body as { pickingIds: number[] };
    await deliver({ pickingId: pickingIds[0] });
    expect(await syncOdooPicking(pickingIds[0]!, client)).toMatchObject({ outcome: "SKIPPED" });
    expect(await db.shipment.count()).toBe(0);
  });

  it("the drift report finds a delivery done in Odoo but not here, and an order pushed but gone from Odoo; heals both", async () => {
    const client = emulator.client("json2");
    const shipped = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [{ sku: SCREEN_LARGE, quantity: 1, unitPriceMinor: 10900 }],
    });
    const gone = await placeAndPushOrder(db, client, {
      organisationId: acme,
      buyerId,
      partnerId,
      lines: [{ sku: SCREEN_LARGE, quantity: 1, unitPriceMinor: 10900 }],
    });
    await deliver({ saleOrderId: shipped.odooOrderId, trackingRef: "LOST-WEBHOOK" });
    await db.order.update({ where: { id: gone.id }, data: { odooOrderId: 99_999 } });

    const report = await reportDrift({ heal: true }, client);
    const findings = await db.driftFinding.findMany({
      where: { runId: report.runId, model: { in: ["sale.order", "stock.picking"] } },
    });
    expect(findings.map((f) => [f.model, f.field, f.healedAt !== null]).sort()).toEqual([
      ["sale.order", "exists", true],
      ["stock.picking", "shipped", true],
    ]);
    expect(await db.shipment.findMany({ where: { orderId: shipped.id } })).toEqual([
      expect.objectContaining({ trackingRef: "LOST-WEBHOOK", medusaFulfilmentId: expect.any(String) }),
    ]);
    expect(await db.order.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ pushStatus: "QUEUED" });
    const again = await reportDrift({ heal: false }, client);
    expect(await db.driftFinding.count({ where: { runId: again.runId, model: "stock.picking" } })).toBe(0);
  });
});
