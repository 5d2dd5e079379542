// The order push against Odoo's bad days — the short version of `npm run test:chaos`: every
// chaos case (test/chaos/cases.ts) with 100 orders sharing five products, push workers as real
// processes, a PostgreSQL of the run's own (the postgres case restarts it). Faults: 5xx bursts,
// timeouts (some committed after the client gave up), answers lost after Odoo committed the create
// or the confirm, SerializationFailure leaving a draft, a 10-minute outage compressed to 10 s,
// duplicated jobs and pushes beside the worker, two workers racing, SIGKILL of a worker every
// 5–30 s, pg_terminate_backend and an immediate restart, every webhook dropped. Each case ends
// with Odoo's state counted per client_order_ref and fails on any loss, duplicate, wrong price or
// stuck order, or a missed rescue / reconnect / staleness goal. Then the pushes that cannot succeed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CHAOS_CASES } from "../../test/chaos/cases";
import { runChaosCase, type TChaosRow } from "../../test/chaos/run-case";
import { startChaosStack, type TChaosStack } from "../../test/chaos/stack";
import { formatChaosTable, missedGoals } from "../../test/chaos/table";
import { checkOdooOrders, createPlacedOrders, plainOdooClient, waitForPushes } from "../../bench/push/fixtures";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { enqueue } from "@/server/jobs/enqueue";
import { replayOrderPush } from "@/server/orders/replay-order-push";

// Issue 13 asks for every fault case over at least 100 orders (all 12 took ~7 min here alone).
const ORDERS = 100;
// Cases that wait out a heartbeat (kill), a restart, or reconciliation's minute need longer.
const TIMEOUT_MS: Record<string, number> = { "kill-9": 600_000, postgres: 480_000, "webhooks-dropped": 600_000 };

let stack: TChaosStack;
const rows: TChaosRow[] = [];

beforeAll(async () => {
  stack = await startChaosStack();
}, 180_000);

afterAll(async () => {
  if (rows.length) console.info(`\n${formatChaosTable(rows)}`);
  await stack?.stop();
}, 60_000);

describe("pushing orders to Odoo exactly once, one fault at a time (100 orders per case)", () => {
  for (const chaosCase of CHAOS_CASES) {
    it(
      `${chaosCase.name}: ${chaosCase.title}`,
      async () => {
        const row = await runChaosCase(stack, chaosCase, ORDERS);
        rows.push(row);
        expect(
          { orders: row.orders, missed: missedGoals(row), examples: row.examples },
          `${row.notes.join("\n")}\n${stack.workerLines.slice(-10).join("\n")}`,
        ).toEqual({ orders: ORDERS, missed: [], examples: {} });
        // The case did what it says, so that a broken fault cannot pass for a survived one.
        if (chaosCase.faults?.some((rule) => rule.kind !== "latency")) expect(row.faultsInjected).toBeGreaterThan(0);
        if (chaosCase.name === "kill-9") expect(row.rescueMs).not.toBeNull();
        if (chaosCase.name === "postgres") expect(row.notes.join("\n")).toMatch(/immediate restart.*started \d+ ms/);
        if (chaosCase.name === "outage") expect(row.notes.join("\n")).toMatch(/outage over/);
        if (chaosCase.name === "webhooks-dropped") expect(row.stalenessMs).not.toBeNull();
        if (chaosCase.name === "baseline") await expectOdooFieldsOfFirstOrders(row);
      },
      TIMEOUT_MS[chaosCase.name] ?? 420_000,
    );
  }
});

/** Order 0: Borealis (cached customer, its delivery address), PO, notes, carrier; order 1: Acme, found by ref. */
async function expectOdooFieldsOfFirstOrders(row: TChaosRow) {
  const { emulator } = stack.odoo;
  const { fixtures } = stack;
  const first = await db.order.findUniqueOrThrow({ where: { id: row.created[0]!.id } });
  expect(first).toMatchObject({ pushStatus: "PUSHED", odooState: "sale" });
  expect(first.odooOrderName).toMatch(/^S\d{5}$/);
  expect(first.pushedAt).toBeInstanceOf(Date);
  const link = await db.externalLink.findFirst({
    where: { system: "ODOO", entityType: "order", localId: first.id },
  });
  expect(link?.externalId).toBe(String(first.odooOrderId));
  const [sale] = emulator.env.all("sale.order").filter((record) => record.client_order_ref === first.reference);
  expect(sale).toMatchObject({
    partner_shipping_id: fixtures.borealisDeliveryId,
    carrier_id: fixtures.carrierId,
    origin: "PO PO-0",
    note: "<p>PO number: PO-0</p><p>Deliver to the back door &lt;gate 2&gt;</p><p>Call ahead</p>",
  });
  expect(sale!.payment_term_id).toBeTruthy();
  const lines = emulator.env.all("sale.order.line").filter((line) => line.order_id === sale!.id);
  expect(lines.map((line) => [line.name, line.price_unit, line.is_delivery ?? false])).toEqual([
    ["ACC-SCREEN-1200 — configured as ordered (1)", 10.01, false],
    ["ACC-SCREEN-1600 — configured as ordered (2)", 11.02, false],
    ["Standard delivery", 19.5, true],
  ]);
  const acmeLink = await db.externalLink.findFirst({
    where: { system: "ODOO", entityType: "organisation", localId: fixtures.organisations.acme },
  });
  expect(acmeLink).not.toBeNull();
  expect(emulator.env.all("res.partner").filter((partner) => partner.ref === fixtures.organisations.acme)).toHaveLength(
    1,
  );
}

const failedJobOutput = (orderId: string) =>
  vi.waitFor(
    async () => {
      const [row] = await db.$queryRaw<{ output: { error: string; message: string } | null }[]>`
        SELECT output FROM pgboss.job
        WHERE name = ${pushOrderToOdooJob.name} AND data->'payload'->>'orderId' = ${orderId} AND state = 'failed'`;
      if (!row?.output) throw new Error(`the push job of ${orderId} has not failed yet`);

      return row.output;
    },
    { timeout: 30_000, interval: 200 },
  );

describe("pushes that cannot succeed", () => {
  async function withWorker(work: () => Promise<void>) {
    stack.startWorker();
    try {
      await work();
    } finally {
      await stack.stopWorkers();
      await stack.odoo.admin("DELETE", "faults");
    }
  }

  it("dead-letters an order whose SKU Odoo does not have, naming the SKU, and marks it FAILED", async () => {
    await withWorker(async () => {
      const [order] = await createPlacedOrders(stack.fixtures, 1, { skus: ["ACC-SCREEN-1200", "NO-SUCH-SKU-42"] });
      await waitForPushes([order!.id], 60_000);
      const row = await db.order.findUniqueOrThrow({ where: { id: order!.id } });
      expect(row.pushStatus).toBe("FAILED");
      // The handler marks the order FAILED before it throws; pg-boss records the job's failure
      // (and its output) a moment later, so wait for that row rather than read it once.
      const dead = await failedJobOutput(order!.id);
      expect(dead).toMatchObject({
        error: "NOT_FOUND",
        message: "Odoo has no product with SKU NO-SUCH-SKU-42.",
      });
      const sales = () =>
        stack.odoo.emulator.env.all("sale.order").filter((sale) => sale.client_order_ref === order!.reference);
      expect(sales()).toEqual([]);

      // The operator adds the product in Odoo and replays the push: pushed once.
      await plainOdooClient(stack.target).create("product.product", {
        name: "Late product",
        default_code: "NO-SUCH-SKU-42",
      });
      await replayOrderPush(order!.id);
      expect(await waitForPushes([order!.id], 60_000)).toBe(0);
      expect(await checkOdooOrders(stack.target, [order!])).toEqual({
        lost: [],
        duplicated: [],
        unconfirmed: [],
        wrongPrices: [],
        notRecorded: [],
      });
    });
  }, 180_000);

  it("refuses to confirm a draft that does not carry our prices", async () => {
    await withWorker(async () => {
      const [order] = await createPlacedOrders(stack.fixtures, 1, { enqueueJob: false });
      // An earlier attempt's draft, then re-priced in Odoo by someone: confirming it would bill the wrong price.
      const client = plainOdooClient(stack.target);
      const [productId] = await client.search("product.product", [["default_code", "=", order!.lines[0]!.sku]]);
      const [partner] = await client.search("res.partner", [["ref", "=", stack.fixtures.organisations.borealis]]);
      await client.create("sale.order", {
        partner_id: partner,
        client_order_ref: order!.reference,
        order_line: [[0, 0, { product_id: productId, product_uom_qty: 1, price_unit: 1 }]],
      });
      await db.$transaction((tx) =>
        enqueue(tx, pushOrderToOdooJob, { orderId: order!.id }, { singletonKey: order!.id }),
      );
      await waitForPushes([order!.id], 60_000);

      expect((await db.order.findUniqueOrThrow({ where: { id: order!.id } })).pushStatus).toBe("FAILED");
      const sales = stack.odoo.emulator.env
        .all("sale.order")
        .filter((sale) => sale.client_order_ref === order!.reference);
      expect(sales.map((sale) => sale.state)).toEqual(["draft"]);
    });
  }, 180_000);
});
