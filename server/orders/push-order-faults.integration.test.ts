// The order push against Odoo's bad days, each over 100 orders that share five products, with
// the real worker (pg-boss, the job runner, the push job) in this process and an emulator of
// its own: 5xx bursts, timeouts, answers lost after Odoo committed the create or the confirm,
// SerializationFailure on confirm leaving a draft, a 10-minute outage (compressed 60×: 10 s,
// with retry delays of 1–2 s instead of 15 s–1 h), and duplicated jobs. Each ends with Odoo's
// state counted per client_order_ref: 0 lost, 0 duplicated, all confirmed, every price exact.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  checkOdooOrders,
  createPlacedOrders,
  plainOdooClient,
  seedPushFixtures,
  waitForPushes,
  type TCreatedOrder,
  type TPushFixtures,
} from "../../bench/push/fixtures";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";
import { testDb } from "../../test/support/db";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { enqueue, stopSender } from "@/server/jobs/enqueue";
import { startWorker } from "@/server/jobs/start-worker";
import { pushOrderToOdoo } from "@/server/orders/push-order-to-odoo";
import { closePushLocks } from "@/server/orders/push-locks";
import { replayOrderPush } from "@/server/orders/replay-order-push";

const ORDERS = 100;
const CASE_TIMEOUT_MS = 420_000;

Object.assign(process.env, {
  ODOO_PROTOCOL: "json2",
  ODOO_DB: "erp",
  ODOO_API_KEY: EMULATOR_API_KEY,
  ODOO_TIMEOUT_MS: "1000",
  ORDER_PUSH_CONCURRENCY: "2",
  ORDER_PUSH_RETRY_DELAY_SECONDS: "1",
  ORDER_PUSH_RETRY_MAX_DELAY_SECONDS: "2",
});

let odoo: Awaited<ReturnType<typeof startTestEmulator>>;
let worker: { stop: () => Promise<void> };
let fixtures: TPushFixtures;
const target = () => ({ url: odoo.url, db: "erp", apiKey: EMULATOR_API_KEY });

beforeAll(async () => {
  odoo = await startTestEmulator();
  process.env.ODOO_URL = odoo.url;
  fixtures = await seedPushFixtures(target());
  worker = await startWorker([pushOrderToOdooJob]);
});

afterAll(async () => {
  await worker?.stop();
  await stopSender();
  await closePushLocks();
  await odoo?.stop();
});

beforeEach(async () => {
  await odoo.admin("DELETE", "faults");
});

async function fault(rule: Record<string, unknown>) {
  const { status } = await odoo.admin("POST", "faults", rule);
  expect(status).toBe(200);
}

/** Waits for the orders' pushes, then clears the faults and checks what Odoo holds. */
async function expectExactlyOnce(orders: TCreatedOrder[], timeoutMs = 360_000) {
  const waiting = await waitForPushes(
    orders.map((order) => order.id),
    timeoutMs,
  );
  await odoo.admin("DELETE", "faults");
  const check = await checkOdooOrders(target(), orders);
  expect({ waiting, ...check }).toEqual({
    waiting: 0,
    lost: [],
    duplicated: [],
    unconfirmed: [],
    wrongPrices: [],
    notRecorded: [],
  });
}

describe("pushing orders to Odoo, exactly once", () => {
  it(
    "pushes 100 orders as confirmed sale orders with our prices, note, PO, carrier and addresses",
    async () => {
      const orders = await createPlacedOrders(fixtures, ORDERS);
      await expectExactlyOnce(orders);

      const first = await testDb().order.findUniqueOrThrow({ where: { id: orders[0]!.id } });
      expect(first).toMatchObject({ pushStatus: "PUSHED", odooState: "sale" });
      expect(first.odooOrderName).toMatch(/^S\d{5}$/);
      expect(first.pushedAt).toBeInstanceOf(Date);
      const link = await testDb().externalLink.findFirst({
        where: { system: "ODOO", entityType: "order", localId: first.id },
      });
      expect(link?.externalId).toBe(String(first.odooOrderId));
      const [sale] = (await odoo.emulator.env.all("sale.order")).filter(
        (record) => record.client_order_ref === first.reference,
      );
      // Order 0: Borealis (cached customer, its delivery address), PO, notes, carrier line.
      expect(sale).toMatchObject({
        partner_shipping_id: fixtures.borealisDeliveryId,
        carrier_id: fixtures.carrierId,
        origin: "PO PO-0",
        note: "<p>PO number: PO-0</p><p>Deliver to the back door &lt;gate 2&gt;</p><p>Call ahead</p>",
      });
      expect(sale!.payment_term_id).toBeTruthy();
      const lines = odoo.emulator.env.all("sale.order.line").filter((line) => line.order_id === sale!.id);
      expect(lines.map((line) => [line.name, line.price_unit, line.is_delivery ?? false])).toEqual([
        ["ACC-SCREEN-1200 — configured as ordered (1)", 10.01, false],
        ["ACC-SCREEN-1600 — configured as ordered (2)", 11.02, false],
        ["Standard delivery", 19.5, true],
      ]);
      // Order 1: Acme, not cached: found by our organisation ref, linked, its address created once.
      const acmeLink = await testDb().externalLink.findFirst({
        where: { system: "ODOO", entityType: "organisation", localId: fixtures.organisations.acme },
      });
      expect(acmeLink).not.toBeNull();
      expect(
        odoo.emulator.env.all("res.partner").filter((partner) => partner.ref === fixtures.organisations.acme),
      ).toHaveLength(1);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "survives 5xx bursts (proxy 502/503, 429, Odoo 500)",
    async () => {
      // A burst: the next 40 calls all fail, then scattered failures for the rest of the run.
      await fault({ kind: "error", status: 503, count: 40 });
      await fault({ kind: "error", status: 503, rate: 0.05 });
      await fault({ kind: "error", status: 502, rate: 0.03 });
      await fault({ kind: "error", status: 429, rate: 0.02 });
      await fault({ kind: "error", status: 500, model: "sale.order", rate: 0.05 });
      await expectExactlyOnce(await createPlacedOrders(fixtures, ORDERS));
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "survives timeouts (the client gives up after 1 s), also when Odoo commits after the client gave up",
    async () => {
      await fault({ kind: "timeout", model: "sale.order", method: "create", delayMs: 1_500, commit: true, rate: 0.2 });
      await fault({
        kind: "timeout",
        model: "sale.order",
        method: "action_confirm",
        delayMs: 1_500,
        commit: true,
        rate: 0.2,
      });
      await fault({ kind: "timeout", delayMs: 1_500, rate: 0.05 });
      await expectExactlyOnce(await createPlacedOrders(fixtures, ORDERS));
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "creates once when Odoo commits the create and the answer is lost",
    async () => {
      await fault({ kind: "commit_then_drop", model: "sale.order", method: "create", rate: 0.5 });
      await expectExactlyOnce(await createPlacedOrders(fixtures, ORDERS));
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "confirms once when Odoo commits the confirm and the answer is lost",
    async () => {
      await fault({ kind: "commit_then_drop", model: "sale.order", method: "action_confirm", rate: 0.5 });
      await expectExactlyOnce(await createPlacedOrders(fixtures, ORDERS));
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "confirms the draft a SerializationFailure left behind",
    async () => {
      await fault({ kind: "error", status: 500, model: "sale.order", method: "action_confirm", rate: 0.5 });
      const orders = await createPlacedOrders(fixtures, ORDERS);
      await expectExactlyOnce(orders);
      const serializationFailures = odoo.log.filter((line) =>
        line.includes("fault injection: error on sale.order.action_confirm"),
      );
      expect(serializationFailures.length).toBeGreaterThan(10);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "catches up after a 10-minute outage (compressed to 10 s)",
    async () => {
      const orders = await createPlacedOrders(fixtures, ORDERS, { enqueueJob: false });
      await fault({ kind: "outage", durationMs: 10_000 });
      const started = Date.now();
      await db.$transaction(async (tx) => {
        for (const order of orders)
          await enqueue(tx, pushOrderToOdooJob, { orderId: order.id }, { singletonKey: order.id });
      });
      await expectExactlyOnce(orders);
      expect(Date.now() - started).toBeGreaterThan(10_000);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "pushes once when the job is duplicated and the push also runs beside the worker",
    async () => {
      await fault({ kind: "commit_then_drop", model: "sale.order", method: "create", rate: 0.2 });
      const orders = await createPlacedOrders(fixtures, ORDERS);
      // A second job per order under another key (the queue cannot drop it), and direct runs.
      await db.$transaction(async (tx) => {
        for (const order of orders)
          await enqueue(tx, pushOrderToOdooJob, { orderId: order.id }, { singletonKey: `${order.id}:again` });
      });
      const direct = orders
        .slice(0, 40)
        .map((order) =>
          pushOrderToOdoo({ orderId: order.id }, { jobId: "direct", attempt: 0, correlationId: "test" }).catch(
            () => "retryable failure",
          ),
        );
      await Promise.all(direct);
      await expectExactlyOnce(orders);
    },
    CASE_TIMEOUT_MS,
  );
});

describe("pushes that cannot succeed", () => {
  it(
    "dead-letters an order whose SKU Odoo does not have, naming the SKU, and marks it FAILED",
    async () => {
      const [order] = await createPlacedOrders(fixtures, 1, { skus: ["ACC-SCREEN-1200", "NO-SUCH-SKU-42"] });
      await waitForPushes([order!.id], 30_000);
      const row = await testDb().order.findUniqueOrThrow({ where: { id: order!.id } });
      expect(row.pushStatus).toBe("FAILED");
      const dead = await db.$queryRaw<{ output: { error: string; message: string } }[]>`
      SELECT output FROM pgboss.job WHERE name = ${pushOrderToOdooJob.name} AND data->'payload'->>'orderId' = ${order!.id}`;
      expect(dead[0]?.output).toMatchObject({
        error: "NOT_FOUND",
        message: "Odoo has no product with SKU NO-SUCH-SKU-42.",
      });
      expect(odoo.emulator.env.all("sale.order").filter((sale) => sale.client_order_ref === order!.reference)).toEqual(
        [],
      );

      // The operator adds the product in Odoo and replays the push: pushed once.
      await plainOdooClient(target()).create("product.product", {
        name: "Late product",
        default_code: "NO-SUCH-SKU-42",
      });
      await replayOrderPush(order!.id);
      await expectExactlyOnce([order!]);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "refuses to confirm a draft that does not carry our prices",
    async () => {
      const [order] = await createPlacedOrders(fixtures, 1, { enqueueJob: false });
      // An earlier attempt's draft, then re-priced in Odoo by someone: confirming it would bill the wrong price.
      const client = plainOdooClient(target());
      const [productId] = await client.search("product.product", [["default_code", "=", order!.lines[0]!.sku]]);
      const [partner] = await client.search("res.partner", [["ref", "=", fixtures.organisations.borealis]]);
      await client.create("sale.order", {
        partner_id: partner,
        client_order_ref: order!.reference,
        order_line: [[0, 0, { product_id: productId, product_uom_qty: 1, price_unit: 1 }]],
      });
      await db.$transaction((tx) =>
        enqueue(tx, pushOrderToOdooJob, { orderId: order!.id }, { singletonKey: order!.id }),
      );
      await waitForPushes([order!.id], 30_000);

      expect((await testDb().order.findUniqueOrThrow({ where: { id: order!.id } })).pushStatus).toBe("FAILED");
      const sales = odoo.emulator.env.all("sale.order").filter((sale) => sale.client_order_ref === order!.reference);
      expect(sales.map((sale) => sale.state)).toEqual(["draft"]);
    },
    CASE_TIMEOUT_MS,
  );
});
