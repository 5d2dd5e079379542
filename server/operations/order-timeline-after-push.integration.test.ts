// One order's timeline after the push, against the Odoo emulator and the real Medusa: the order
// is pushed, its delivery validated in Odoo with a tracking number and invoiced, each announced
// by a webhook that goes through the inbox and its processor; the timeline then tells the
// confirmation, the delivery, the Medusa fulfilment with the tracking number, the invoice and
// the webhooks about the picking and the invoice, in time order, each naming its record. An
// order cancelled in Odoo shows the cancellation.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { useDemoBuyers } from "../../test/support/cart";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import {
  createOdooProducts,
  linkOrganisationToOdoo,
  placeAndPushOrder,
  SCREEN_SMALL,
} from "../../test/support/odoo-orders";
import type { TInboundProcessors } from "@/server/integrations/inbound-processors";
import { processInboundDelivery } from "@/server/integrations/process-inbound-delivery";
import { recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";
import { stopSender } from "@/server/jobs/enqueue";
import type { OdooClient } from "@/server/odoo/client";
import { findPickingsForSaleOrder } from "@/server/odoo/pickings";
import { getOrderTimeline } from "@/server/operations/get-order-timeline";
import { syncOdooInvoice } from "@/server/orders/sync-odoo-invoice";
import { syncOdooPicking } from "@/server/orders/sync-odoo-picking";
import { syncOdooSaleOrder } from "@/server/orders/sync-odoo-sale-order";

const db = testDb();
const emulator = useOdooEmulator();
let acme = "";
let buyerId = "";
useDemoBuyers(db, (buyers) => {
  acme = buyers.acme;
  buyerId = buyers.buyerA.id;
});
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

let partnerId = 0;
// Each test starts a fresh Odoo whose ids start again: forget what pointed at the previous one.
beforeEach(async () => {
  await db.order.deleteMany({});
  await db.invoice.deleteMany({});
  await db.externalLink.deleteMany({ where: { entityType: { in: ["order", "order_line", "delivery"] } } });
  const client = emulator.client("json2");
  partnerId = await linkOrganisationToOdoo(db, client, acme, "Acme Interiors GmbH");
  await createOdooProducts(client, emulator.odoo.admin, [
    { sku: SCREEN_SMALL, name: "Desk screen 1200", price: 89, stock: 20 },
  ]);
});

// The processors the worker runs, on the test's emulator client instead of the configured Odoo.
const processorsOn = (client: OdooClient): TInboundProcessors => ({
  odoo: {
    "sale.order": (delivery) => syncOdooSaleOrder(Number(delivery.subjectId), client),
    "stock.picking": (delivery) => syncOdooPicking(Number(delivery.subjectId), client),
    "account.move": (delivery) => syncOdooInvoice(Number(delivery.subjectId), client),
  },
});

/** An Odoo webhook about `model` #`id`, recorded in the inbox and processed as its job would. */
async function webhook(client: OdooClient, model: string, id: number) {
  const body = JSON.stringify({ _model: model, _id: id, id });
  const delivery = await recordInboundDelivery({
    source: "odoo",
    headers: { "content-type": "application/json" },
    body,
    subject: { type: model, id: String(id) },
    verdict: "accepted",
    dedupeKey: `${model}:${id}:${randomUUID()}`,
    dedupeWindowSeconds: 60,
  });
  await processInboundDelivery(
    { deliveryId: delivery.id },
    { jobId: delivery.jobId!, attempt: 0, correlationId: `corr-${randomUUID()}` },
    processorsOn(client),
  );

  return db.inboundDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
}

const placeOrder = () =>
  placeAndPushOrder(db, emulator.client("json2"), {
    organisationId: acme,
    buyerId,
    partnerId,
    lines: [{ sku: SCREEN_SMALL, quantity: 4, unitPriceMinor: 8900 }],
  });

describe("order timeline after the push", () => {
  it("shows the confirmation, the delivery, the Medusa fulfilment with tracking, the invoice and their webhooks in time order", async () => {
    const client = emulator.client("json2");
    const order = await placeOrder();
    const { odooOrderName } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect((await webhook(client, "sale.order", order.odooOrderId)).status).toBe("PROCESSED");
    // Odoo's datetimes are whole seconds: the delivery's date_done must not fall before the webhook.
    await sleep(1_100);
    const tracking = `1Z${Date.now()}`;
    const delivered = await emulator.odoo.admin("POST", "actions/deliver", {
      saleOrderId: order.odooOrderId,
      trackingRef: tracking,
    });
    expect(delivered.status).toBe(200);
    const [picking] = await findPickingsForSaleOrder(client, order.odooOrderId);
    expect((await webhook(client, "stock.picking", picking!.id)).status).toBe("PROCESSED");
    const invoiced = await emulator.odoo.admin("POST", "actions/invoice", {
      saleOrderId: order.odooOrderId,
      post: true,
    });
    const invoice = invoiced.body as { id: number; name: string };
    expect((await webhook(client, "account.move", invoice.id)).status).toBe("PROCESSED");
    const shipment = await db.shipment.findUniqueOrThrow({ where: { odooPickingId: picking!.id } });
    expect(shipment.medusaFulfilmentId).toEqual(expect.any(String));

    const { events } = await getOrderTimeline(order.id);
    const times = events.map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const index = (pattern: RegExp) => {
      const found = events.findIndex((event) => pattern.test(event.title));
      expect(found, String(pattern)).toBeGreaterThanOrEqual(0);

      return found;
    };
    const steps = [
      index(/^Order placed$/),
      index(new RegExp(`^Confirmed in Odoo as ${odooOrderName}$`)),
      index(new RegExp(`^Webhook sale\\.order #${order.odooOrderId} \\(${odooOrderName}\\): processed$`)),
      index(new RegExp(`^Delivery ${picking!.name} done in Odoo$`)),
      index(new RegExp(`^Webhook stock\\.picking #${picking!.id} \\(delivery ${picking!.name}\\): processed$`)),
      index(new RegExp(`^Fulfilment shipped in Medusa \\(tracking ${tracking}\\)$`)),
      index(new RegExp(`^Webhook account\\.move #${invoice.id} \\(invoice ${invoice.name}\\): processed$`)),
      index(new RegExp(`^Invoice ${invoice.name} posted in Odoo$`)),
    ];
    expect(steps).toEqual([...steps].sort((a, b) => a - b));

    const byTitle = (start: string) => events.find((event) => event.title.startsWith(start))!;
    expect(byTitle("Order placed")).toMatchObject({ system: "Medusa", record: order.medusaOrderId });
    expect(byTitle("Confirmed in Odoo")).toMatchObject({ system: "Odoo", record: odooOrderName });
    expect(byTitle("Delivery ")).toMatchObject({
      system: "Odoo",
      record: picking!.name,
      detail: expect.stringContaining(`tracking ${tracking}`),
    });
    expect(byTitle("Fulfilment shipped")).toMatchObject({
      system: "Medusa",
      record: shipment.medusaFulfilmentId,
      href: `/portal/mappings?q=${shipment.medusaFulfilmentId}`,
    });
    expect(byTitle(`Invoice ${invoice.name}`)).toMatchObject({
      system: "Odoo",
      record: invoice.name,
      detail: expect.stringMatching(/due \(not paid\)$/),
    });
    const pickingWebhook = byTitle("Webhook stock.picking");
    expect(pickingWebhook.href).toMatch(/^\/portal\/operations\/inbox\?q=[0-9a-f-]{36}$/);
    // The sync runs of the picking and invoice webhooks are on the order's timeline too.
    index(/^odoo\.stock\.picking\.inbound: changed$/);
    index(/^odoo\.account\.move\.inbound: changed$/);
    // The shipment is told once, by the events above, not again by its audit entry.
    expect(events.filter((event) => /order\.shipped/.test(event.title))).toEqual([]);
  });

  it("shows an order cancelled in Odoo, after its confirmation", async () => {
    const client = emulator.client("json2");
    const order = await placeOrder();
    await emulator.odoo.admin("POST", "actions/cancel-order", { saleOrderId: order.odooOrderId });
    expect((await webhook(client, "sale.order", order.odooOrderId)).status).toBe("PROCESSED");

    const { events } = await getOrderTimeline(order.id);
    const titles = events.map((event) => event.title);
    const cancelled = titles.findIndex((title) =>
      /^Cancelled in Odoo \(S\d+\), then in Medusa and Tradepost$/.test(title),
    );
    expect(cancelled).toBeGreaterThan(titles.findIndex((title) => title.startsWith("Confirmed in Odoo")));
    expect(events[cancelled]).toMatchObject({ system: "Odoo", outcome: "info" });
    expect(titles.filter((title) => title.includes("order.cancelled-in-odoo"))).toEqual([]);
  });
});
