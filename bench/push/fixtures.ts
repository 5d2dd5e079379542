// Orders to push, and the check of what Odoo ends up holding, shared by the push's integration
// tests and `npm run bench:push`. Orders are written as checkout writes them (Order + OrderLine
// rows, PLACED / QUEUED, the push job enqueued in the same transaction), for the demo
// customers and products Odoo holds (stack/lib/odoo-demo-data.ts).
import { randomUUID } from "node:crypto";
import { seedOdooDemoData } from "../../stack/lib/odoo-demo-data";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { enqueue } from "@/server/jobs/enqueue";
import { OdooClient } from "@/server/odoo/client";
import { odooMany2one, odooNumber, odooRecord, odooText } from "@/server/odoo/mappers";

export type TOdooTarget = { url: string; db: string; apiKey: string };

// Five products shared by every order: confirms collide on them as they would in a busy shop.
export const SHARED_SKUS = ["ACC-SCREEN-1200", "ACC-SCREEN-1600", "ACC-FEET-M8", "ACC-TRAY-800", "TBL-ATELIER-OAK"];

export type TPushFixtures = {
  organisations: { acme: string; borealis: string };
  borealisDeliveryId: number;
  carrierId: number;
};

export const plainOdooClient = (odoo: TOdooTarget, timeoutMs = 30_000) =>
  new OdooClient({ url: odoo.url, db: odoo.db, protocol: "json2", apiKey: odoo.apiKey, timeoutMs, maxConcurrency: 8 });

/**
 * Two organisations and their Odoo customers (Acme: found by `ref` and linked on first push;
 * Borealis: already in the ERP cache, with payment terms), the demo products with stock, and a
 * fixed-price delivery method.
 */
export async function seedPushFixtures(odoo: TOdooTarget): Promise<TPushFixtures> {
  const suffix = randomUUID().slice(0, 8);
  const acme = await db.organisation.create({ data: { name: `Acme Interiors ${suffix}` } });
  const borealis = await db.organisation.create({ data: { name: `Borealis Fitouts ${suffix}` } });
  await seedOdooDemoData(odoo, { "Acme Interiors": acme.id, "Borealis Fitouts": borealis.id });
  const client = plainOdooClient(odoo);
  const [borealisPartner] = await client.search("res.partner", [["ref", "=", borealis.id]], { limit: 1 });
  const [borealisDeliveryId] = await client.search("res.partner", [["ref", "=", "BOREALIS-DEL-GBG"]], { limit: 1 });
  const [paymentTermId] = await client.search("account.payment.term", [], { limit: 1 });
  await db.erpCustomer.create({
    data: {
      organisationId: borealis.id,
      odooPartnerId: borealisPartner!,
      name: "Borealis Fitouts AB",
      active: true,
      currency: "EUR",
      paymentTermId: paymentTermId ?? null,
      odooWriteDate: new Date(),
      syncedAt: new Date(),
    },
  });
  const [shippingProduct] = await client.create("product.product", {
    name: "Standard delivery",
    type: "service",
    sale_ok: false,
  });
  const [carrierId] = await client.create("delivery.carrier", {
    name: "Standard delivery",
    product_id: shippingProduct,
    delivery_type: "fixed",
    fixed_price: 19.5,
  });

  return {
    organisations: { acme: acme.id, borealis: borealis.id },
    borealisDeliveryId: borealisDeliveryId!,
    carrierId: carrierId!,
  };
}

export type TCreatedOrder = {
  id: string;
  reference: string;
  lines: { sku: string; quantity: number; unitPriceMinor: number }[];
  shippingMinor: number;
};

/**
 * `count` placed orders with 2–3 lines each from the shared products, at prices of our own (not
 * Odoo's list prices: Odoo must take ours), half with a carrier line, each with its push job
 * enqueued in the transaction that writes it, as checkout does. `skus` overrides the products;
 * `duplicateJob` enqueues a second push of each order right behind the first. Idempotent by
 * reference: an order already written (by an earlier try of the same batch) is returned as it is.
 */
export async function createPlacedOrders(
  fixtures: TPushFixtures,
  count: number,
  { prefix = randomUUID().slice(0, 6), skus = SHARED_SKUS, enqueueJob = true, duplicateJob = false } = {},
): Promise<TCreatedOrder[]> {
  const orders: TCreatedOrder[] = [];
  for (let index = 0; index < count; index += 1) {
    const forBorealis = index % 2 === 0;
    const lines = Array.from({ length: 2 + (index % 2) }, (_, position) => ({
      position,
      sku: skus[(index + position) % skus.length]!,
      quantity: 1 + ((index + position) % 3),
      unitPriceMinor: 1_001 + ((index * 37 + position * 101) % 9_000),
    }));
    const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
    const shippingMinor = index % 4 < 2 ? 1_950 : 0;
    const reference = `TP-${prefix}-${String(index).padStart(4, "0")}`;
    // A retried batch (test:chaos's producer, after PostgreSQL cut a commit's answer) keeps what
    // was written: the reference is unique, so the order and its job are there already.
    const written = await db.order.findUnique({ where: { reference }, select: { id: true } });
    if (written) {
      orders.push({ id: written.id, reference, lines, shippingMinor });
      continue;
    }
    const id = await db.$transaction(async (tx) => {
      const order = await tx.order.create({
        data: {
          reference,
          organisationId: forBorealis ? fixtures.organisations.borealis : fixtures.organisations.acme,
          status: "PLACED",
          pushStatus: "QUEUED",
          currency: "EUR",
          subtotalMinor: subtotal,
          shippingMinor,
          taxMinor: 0,
          totalMinor: subtotal + shippingMinor,
          shippingAddress: forBorealis
            ? { name: "Gothenburg site", street: "Lindholmspiren 7", zip: "41756", city: "Göteborg", countryCode: "SE" }
            : { name: "Acme goods-in", street: "Hafenstraße 12", zip: "20457", city: "Hamburg", countryCode: "DE" },
          odooAddressId: forBorealis ? fixtures.borealisDeliveryId : null,
          carrierId: shippingMinor ? fixtures.carrierId : null,
          carrierName: shippingMinor ? "Standard delivery" : null,
          poNumber: index % 3 === 0 ? `PO-${index}` : null,
          notes: index % 5 === 0 ? "Deliver to the back door <gate 2>\nCall ahead" : null,
          placedAt: new Date(),
          lines: {
            create: lines.map((line) => ({
              ...line,
              title: line.sku,
              description: `${line.sku} — configured as ordered (${line.position + 1})`,
              lineTotalMinor: line.quantity * line.unitPriceMinor,
              breakdown: [],
            })),
          },
        },
      });
      if (enqueueJob) await enqueue(tx, pushOrderToOdooJob, { orderId: order.id }, { singletonKey: order.id });
      // A second job for the same order right behind the first (another key: the queue cannot drop
      // it), so that two workers pick both at the same moment.
      if (duplicateJob)
        await enqueue(tx, pushOrderToOdooJob, { orderId: order.id }, { singletonKey: `${order.id}:duplicate` });

      return order.id;
    });
    orders.push({ id, reference, lines, shippingMinor });
  }

  return orders;
}

export type TOdooCheck = {
  lost: string[];
  duplicated: string[];
  unconfirmed: string[];
  wrongPrices: string[];
  notRecorded: string[];
};

const ZSale = odooRecord({ client_order_ref: odooText, state: odooText, name: odooText, amount_untaxed: odooNumber });
const ZLine = odooRecord({
  order_id: odooMany2one,
  product_id: odooMany2one,
  product_uom_qty: odooNumber,
  price_unit: odooNumber,
});

/**
 * What Odoo holds for our orders, counted per client_order_ref: none (lost), more than one
 * (duplicated), not confirmed, or lines whose prices are not exactly ours; and orders whose push
 * is not recorded here (PUSHED with Odoo's id and name).
 */
export async function checkOdooOrders(odoo: TOdooTarget, orders: TCreatedOrder[]): Promise<TOdooCheck> {
  const client = plainOdooClient(odoo);
  const refs = orders.map((order) => order.reference);
  const sales = await client.searchRead("sale.order", Object.keys(ZSale.shape), ZSale, {
    domain: [["client_order_ref", "in", refs]],
  });
  const lines = sales.length
    ? await client.searchRead("sale.order.line", Object.keys(ZLine.shape), ZLine, {
        domain: [["order_id", "in", sales.map((sale) => sale.id)]],
        order: "id asc",
      })
    : [];
  const check: TOdooCheck = { lost: [], duplicated: [], unconfirmed: [], wrongPrices: [], notRecorded: [] };
  const rows = await db.order.findMany({
    where: { id: { in: orders.map((order) => order.id) } },
    select: { id: true, pushStatus: true, odooOrderId: true, odooOrderName: true },
  });
  for (const order of orders) {
    const mine = sales.filter((sale) => sale.client_order_ref === order.reference);
    if (mine.length === 0) check.lost.push(order.reference);
    if (mine.length > 1) check.duplicated.push(order.reference);
    const sale = mine[0];
    if (!sale) continue;
    if (sale.state !== "sale") check.unconfirmed.push(`${order.reference} (${sale.state})`);
    const theirs = lines.filter((line) => line.order_id?.id === sale.id);
    const expected = [
      ...order.lines.map((line) => [line.quantity, line.unitPriceMinor / 100]),
      ...(order.shippingMinor ? [[1, order.shippingMinor / 100]] : []),
    ];
    const untaxed = expected.reduce((sum, [quantity, price]) => sum + quantity! * price!, 0);
    const same =
      theirs.length === expected.length &&
      theirs.every(
        (line, index) => line.product_uom_qty === expected[index]![0] && line.price_unit === expected[index]![1],
      ) &&
      Math.round(sale.amount_untaxed * 100) === Math.round(untaxed * 100);
    if (!same) check.wrongPrices.push(order.reference);
    const row = rows.find((candidate) => candidate.id === order.id);
    if (row?.pushStatus !== "PUSHED" || row.odooOrderId !== sale.id || row.odooOrderName !== sale.name)
      check.notRecorded.push(order.reference);
  }

  return check;
}

/** Waits until every order is PUSHED or FAILED (or the time is up); returns how many are still waiting. */
export async function waitForPushes(orderIds: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const waiting = await db.order.count({ where: { id: { in: orderIds }, pushStatus: "QUEUED" } });
    if (waiting === 0 || Date.now() > deadline) return waiting;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
