// A create that Odoo is still running when the push's client gives up: Odoo finishes it and
// commits later (up to limit_time_real, 120 s), so the next attempt's look-up by reference finds
// nothing yet. The push must not create a second order in that window. The real worker (pg-boss,
// the job runner, the push job) runs in this process against an emulator of its own; the window
// is compressed from 180 s to 8 s and the retry delays to 1–2 s.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import {
  checkOdooOrders,
  createPlacedOrders,
  seedPushFixtures,
  waitForPushes,
  type TCreatedOrder,
  type TPushFixtures,
} from "../../bench/push/fixtures";
import { EMULATOR_API_KEY, startTestEmulator } from "../../test/support/odoo-emulator";
import { testDb } from "../../test/support/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { stopSender } from "@/server/jobs/enqueue";
import { startWorker } from "@/server/jobs/start-worker";
import { closePushLocks } from "@/server/orders/push-locks";

const SETTLE_SECONDS = 8;

Object.assign(process.env, {
  ODOO_PROTOCOL: "json2",
  ODOO_DB: "erp",
  ODOO_API_KEY: EMULATOR_API_KEY,
  ODOO_TIMEOUT_MS: "1000",
  ORDER_PUSH_CONCURRENCY: "2",
  ORDER_PUSH_RETRY_DELAY_SECONDS: "1",
  ORDER_PUSH_RETRY_MAX_DELAY_SECONDS: "2",
  ORDER_PUSH_CREATE_SETTLE_SECONDS: String(SETTLE_SECONDS),
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
  expect((await odoo.admin("POST", "faults", rule)).status).toBe(200);
}

async function expectExactlyOnce(orders: TCreatedOrder[]) {
  const waiting = await waitForPushes(
    orders.map((order) => order.id),
    120_000,
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

it("creates once when Odoo commits a create only after the next attempt would have created again", async () => {
  // The client gives up after 1 s and the job retries 1–2 s later, finding nothing: Odoo is still
  // at work and commits at 5 s. A second create in between would be a second order.
  await fault({ kind: "timeout", model: "sale.order", method: "create", delayMs: 5_000, commit: true, count: 10 });
  const orders = await createPlacedOrders(fixtures, 20);
  await expectExactlyOnce(orders);
  const lateCommits = odoo.log.filter((line) => line.includes("fault injection: timeout on sale.order.create"));
  expect(lateCommits).toHaveLength(10);
}, 180_000);

it("creates again once an unanswered create can no longer commit, and says why it waits", async () => {
  // This create never commits: after the window the push sends another, once.
  await fault({ kind: "timeout", model: "sale.order", method: "create", delayMs: 1_500, count: 1 });
  const started = Date.now();
  const [order] = await createPlacedOrders(fixtures, 1);
  let waitingReason: string | null = null;
  while (!waitingReason && Date.now() - started < 30_000) {
    const row = await testDb().order.findUniqueOrThrow({ where: { id: order!.id } });
    if (row.lastPushError?.includes("may still commit")) waitingReason = row.lastPushError;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(waitingReason).toMatch(
    /^CONFLICT: An earlier create of TP-\S+ \(sent .*\) got no answer and may still commit/,
  );
  await expectExactlyOnce([order!]);

  const row = await testDb().order.findUniqueOrThrow({ where: { id: order!.id } });
  expect(row).toMatchObject({ pushStatus: "PUSHED", lastPushError: null, odooCreateSentAt: null });
  expect(row.pushedAt!.getTime() - started).toBeGreaterThan(SETTLE_SECONDS * 1000);
}, 180_000);

it("survives the order lock's connection being terminated mid-push, and still creates once", async () => {
  // Confirms take 3 s, so the pushes hold their lock connections when PostgreSQL ends those sessions.
  await fault({ kind: "latency", model: "sale.order", method: "action_confirm", delayMs: 3_000 });
  const orders = await createPlacedOrders(fixtures, 4);
  let terminated = 0;
  for (let tries = 0; tries < 100 && !terminated; tries += 1) {
    const rows = await testDb().$queryRaw<{ ended: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_advisory_lock%'`;
    terminated = rows.filter((row) => row.ended).length;
    if (!terminated) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(terminated).toBeGreaterThan(0);
  await expectExactlyOnce(orders);
}, 180_000);
