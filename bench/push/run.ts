// npm run bench:push — orders pushed to Odoo per second, end to end (job picked → sale order
// confirmed in the emulator), beside a plain client doing only Odoo's part (search by reference,
// create with the lines, action_confirm) against the same emulator in the same run, both at the
// configured push concurrency. Self-contained: its own embedded PostgreSQL (migrated), the Odoo
// emulator and the push worker as processes of their own (bench/push/worker.ts).
//   BENCH_ORDERS (200), ORDER_PUSH_CONCURRENCY (2),
//   BENCH_ODOO_COST ("odoo19": each call takes what it takes on a real Odoo 19 on 2 cores —
//   search/read 15 ms, create 125 ms, action_confirm 300 ms, so one plain push ≈ 0.44 s as
//   measured — and confirms on shared products collide as in Odoo: one at a time, a colliding one
//   backing off up to 2 s; "odoo19-no-conflicts": the same latencies, confirms never collide;
//   "none": the emulator's own speed, a few ms per call).
// Prints both rates, the ratio (goal ≥ 0.9) and Odoo's state per order (goal: 0 lost, 0 duplicated,
// all confirmed, prices exact).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pLimit from "p-limit";
import { startService, stopService, waitForHttp, type TService } from "../../stack/lib/processes";
import { freePort } from "../../test/support/free-port";
import { startScratchPostgres } from "../../test/support/scratch-postgres";
import type { TPushFixtures } from "./fixtures";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);
const CONCURRENCY = Number(process.env.ORDER_PUSH_CONCURRENCY ?? 2);
const COST = process.env.BENCH_ODOO_COST ?? "odoo19";
const GOAL_RATIO = 0.9;
const API_KEY = `bench-odoo-key-${randomUUID()}`;
const ADMIN_TOKEN = `bench-odoo-admin-${randomUUID()}`;
const TSX = path.resolve("node_modules/.bin/tsx");

// Latency rules in the order the emulator tries them (the first match applies).
// "odoo19": confirms touching the same products run one at a time and one that collided backs off
// as Odoo does (all the bench's orders share products); "odoo19-no-conflicts": they run side by side.
const ODOO19_COST = [
  { kind: "latency", model: "sale.order", method: "action_confirm", delayMs: 300, exclusive: COST === "odoo19" },
  { kind: "latency", model: "sale.order", method: "create", delayMs: 125 },
  { kind: "latency", delayMs: 15 },
];

async function admin(url: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${url}/__emulator/${route}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`emulator ${route}: ${response.status} ${await response.text()}`);
}

/** What an integration without a queue does: search by reference, create, confirm — nothing else. */
async function plainPushes(odooUrl: string, fixtures: TPushFixtures) {
  const { plainOdooClient, SHARED_SKUS } = await import("./fixtures");
  const client = plainOdooClient({ url: odooUrl, db: "erp", apiKey: API_KEY });
  const productIds = await Promise.all(
    SHARED_SKUS.map(async (sku) => (await client.search("product.product", [["default_code", "=", sku]]))[0]!),
  );
  const [partner] = await client.search("res.partner", [["ref", "=", fixtures.organisations.borealis]]);
  const limit = pLimit(CONCURRENCY);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: ORDERS }, (_, index) =>
      limit(async () => {
        const ref = `PLAIN-${index}-${randomUUID().slice(0, 8)}`;
        if ((await client.search("sale.order", [["client_order_ref", "=", ref]], { limit: 1 })).length) return;
        const [id] = await client.create("sale.order", {
          partner_id: partner,
          client_order_ref: ref,
          order_line: [0, 1, 2].map((position) => [
            0,
            0,
            {
              product_id: productIds[(index + position) % productIds.length],
              product_uom_qty: 1 + position,
              price_unit: 10 + position,
            },
          ]),
        });
        await client.callMethod("sale.order", "action_confirm", [id!], (await import("zod")).z.unknown());
      }),
    ),
  );

  return ORDERS / ((performance.now() - started) / 1000);
}

async function main() {
  const database = await startScratchPostgres("bench-push");
  const odooPort = await freePort();
  const odooUrl = `http://127.0.0.1:${odooPort}`;
  const env = {
    DATABASE_URL: database.url,
    APP_URL: "http://localhost:3000",
    NEXTAUTH_URL: "http://localhost:3000",
    NEXTAUTH_SECRET: "bench-push-secret-bench-push-secret-0123",
    PRICING_QUOTE_SECRET: "bench-push-quote-secret-bench-push-0123",
    MEDUSA_URL: "http://127.0.0.1:9",
    MEDUSA_PUBLISHABLE_KEY: "pk_bench",
    MEDUSA_SECRET_API_KEY: "sk_bench",
    ODOO_URL: odooUrl,
    ODOO_DB: "erp",
    ODOO_PROTOCOL: "json2",
    ODOO_API_KEY: API_KEY,
    ODOO_MAX_CONCURRENCY: String(Math.max(2, CONCURRENCY)),
    ORDER_PUSH_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
  };
  Object.assign(process.env, env);
  const services: TService[] = [];
  try {
    services.push(
      startService({
        name: "odoo-emulator",
        command: TSX,
        args: ["stack/odoo-emulator/main.ts", "--port", String(odooPort), "--api-key", API_KEY],
        env: { ODOO_EMULATOR_ADMIN_TOKEN: ADMIN_TOKEN },
        onLine: () => undefined,
      }),
    );
    await waitForHttp(`${odooUrl}/web/version`, { timeoutMs: 60_000 });
    const { seedPushFixtures, createPlacedOrders, checkOdooOrders, waitForPushes } = await import("./fixtures");
    const target = { url: odooUrl, db: "erp", apiKey: API_KEY };
    const fixtures = await seedPushFixtures(target);
    if (COST.startsWith("odoo19")) for (const rule of ODOO19_COST) await admin(odooUrl, "POST", "faults", rule);

    console.log(`bench:push — ${ORDERS} orders, concurrency ${CONCURRENCY}, Odoo cost model: ${COST}`);
    const plainRate = await plainPushes(odooUrl, fixtures);
    console.log(`plain client (search + create + action_confirm): ${plainRate.toFixed(2)} orders/s`);

    // Orders and their jobs are written first; the clock starts when the worker picks the first job.
    const orders = await createPlacedOrders(fixtures, ORDERS);
    const workerLines: string[] = [];
    services.push(
      startService({
        name: "push-worker",
        command: TSX,
        args: ["--conditions=react-server", "bench/push/worker.ts"],
        env,
        onLine: (line) => workerLines.push(line),
      }),
    );
    const waiting = await waitForPushes(
      orders.map((order) => order.id),
      600_000,
    );
    const { db } = await import("@/server/db");
    const [span] = await db.$queryRaw<{ first_picked: Date; last_confirmed: Date }[]>`
      SELECT min(started_on) AS first_picked, max(completed_on) AS last_confirmed
      FROM pgboss.job WHERE name = 'orders.push-to-odoo'`;
    const seconds = (span!.last_confirmed.getTime() - span!.first_picked.getTime()) / 1000;
    const rate = ORDERS / seconds;
    await admin(odooUrl, "DELETE", "faults");
    const check = await checkOdooOrders(target, orders);
    const ratio = rate / plainRate;
    console.log(`Tradepost push job (job picked → confirmed, recorded): ${rate.toFixed(2)} orders/s`);
    console.log(`ratio ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}) — ${ratio >= GOAL_RATIO ? "met" : "NOT met"}`);
    console.log(
      `Odoo state: waiting ${waiting}, lost ${check.lost.length}, duplicated ${check.duplicated.length}, ` +
        `unconfirmed ${check.unconfirmed.length}, wrong prices ${check.wrongPrices.length}, ` +
        `not recorded ${check.notRecorded.length}`,
    );
    if (workerLines.some((line) => line.includes('"level":50')))
      console.log(
        `worker errors:\n${workerLines
          .filter((line) => line.includes('"level":50'))
          .slice(0, 5)
          .join("\n")}`,
      );
    await db.$disconnect();
    const { stopSender } = await import("@/server/jobs/enqueue");
    await stopSender();
    process.exitCode =
      ratio >= GOAL_RATIO && waiting === 0 && !Object.values(check).some((list) => list.length) ? 0 : 1;
  } finally {
    for (const service of services.reverse()) await stopService(service).catch(() => undefined);
    await sleep(200);
    await database.remove();
  }
}

await main();
