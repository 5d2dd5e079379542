// The chaos cases, one fault at a time (issue 16; anchors R1, R2, R4, R6 of
// ../shared/reference/perf-reliability-anchors.md §8). Each names the Odoo faults in force, the
// workers, and what it does to them or to PostgreSQL while the orders flow, and measures what
// its goal is about: rescue after a kill, reconnect after a PostgreSQL restart, stock staleness.
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pLimit from "p-limit";
import { plainOdooClient, SHARED_SKUS } from "../../bench/push/fixtures";
import { resilient, type TChaosCase, type TChaosContext } from "./run-case";
import type { TChaosStack } from "./stack";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { enqueue } from "@/server/jobs/enqueue";
import { ODOO_RECONCILERS } from "@/server/integrations/reconcilers";
import { pushOrderToOdoo } from "@/server/orders/push-order-to-odoo";

const until = async (ctx: TChaosContext, condition: () => boolean): Promise<boolean> => {
  while (!condition()) if (!(await ctx.pause(250))) return false;

  return true;
};

/** Push jobs running right now (whichever worker runs them). */
async function activeJobIds(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM pgboss.job WHERE name = ${pushOrderToOdooJob.name} AND state = 'active'`;

  return rows.map((row) => row.id);
}

/**
 * Milliseconds from `since` until every one of `jobIds` is running again on a live worker or is
 * finished (a job of the surviving worker just finishes; one of the killed worker must first be
 * failed by supervision when its heartbeat stops). Null: the case ended first.
 */
async function timeToRescue(ctx: TChaosContext, jobIds: string[], since: number): Promise<number | null> {
  for (;;) {
    const [row] = await db.$queryRaw<{ waiting: bigint }[]>`
        SELECT count(*) AS waiting FROM pgboss.job
        WHERE name = ${pushOrderToOdooJob.name} AND id::text = ANY(${jobIds}::text[])
          AND (state IN ('created', 'retry') OR (state = 'active' AND started_on <= ${new Date(since)}))`.catch(() => [
      { waiting: -1n },
    ]);
    if (row?.waiting === 0n) return Date.now() - since;
    if (ctx.finished()) return null;
    await sleep(250);
  }
}

/** SIGKILL one of the workers every 5–30 s (the first after 5 s) and start a new one; time each rescue. */
async function killWorkers(ctx: TChaosContext): Promise<void> {
  const rescues: Promise<void>[] = [];
  let kills = 0;
  for (let wait = 5_000; await ctx.pause(wait); wait = randomInt(5_000, 30_001)) {
    const running = ctx.stack.runningWorkers();
    if (!running.length) continue;
    const victim = running[randomInt(0, running.length)]!;
    const before = await resilient(activeJobIds);
    const killedAt = Date.now();
    ctx.stack.killWorker(victim);
    ctx.stack.startWorker();
    kills += 1;
    const inFlight = [...new Set([...before, ...(await resilient(activeJobIds))])];
    if (!inFlight.length) continue;
    const kill = kills;
    rescues.push(
      timeToRescue(ctx, inFlight, killedAt).then((ms) => {
        if (ms === null) ctx.notes.push(`kill ${kill}: ${inFlight.length} job(s) in flight, not all rescued`);
        else ctx.rescueMs.push(ms);
      }),
    );
  }
  await Promise.all(rescues);
  const slowest = ctx.rescueMs.length ? Math.max(...ctx.rescueMs) : 0;
  ctx.notes.push(
    `${kills} worker(s) killed with SIGKILL, ${ctx.rescueMs.length} with jobs in flight; slowest rescue ${slowest} ms`,
  );
}

/** Milliseconds from `since` until a worker starts a push job it fetched after `since`. */
async function timeToNextStart(ctx: TChaosContext, since: number): Promise<number | null> {
  for (;;) {
    const [row] = await db.$queryRaw<{ started: Date | null }[]>`
        SELECT min(started_on) AS started FROM pgboss.job
        WHERE name = ${pushOrderToOdooJob.name} AND started_on >= ${new Date(since)}`.catch(() => [{ started: null }]);
    if (row?.started) return row.started.getTime() - since;
    if (ctx.finished()) return null;
    await sleep(250);
  }
}

/** pg_terminate_backend on every session at 20 % of the orders, an immediate restart at 50 %. */
async function breakPostgres(ctx: TChaosContext): Promise<void> {
  const share = (fraction: number) => () => ctx.settled() >= ctx.total * fraction;
  if (!(await until(ctx, share(0.2)))) return;
  const terminated = await ctx.stack.postgres.terminateSessions();
  const afterTerminate = await timeToNextStart(ctx, Date.now());
  ctx.notes.push(`${terminated} session(s) terminated; next push started after ${afterTerminate ?? "—"} ms`);
  if (afterTerminate !== null) ctx.reconnectMs.push(afterTerminate);

  if (!(await until(ctx, share(0.5)))) return;
  const down = Date.now();
  await ctx.stack.postgres.restartImmediate();
  const ready = Date.now();
  const afterRestart = await timeToNextStart(ctx, ready);
  ctx.notes.push(`immediate restart: down ${ready - down} ms; next push started ${afterRestart ?? "—"} ms after`);
  if (afterRestart !== null) ctx.reconnectMs.push(afterRestart);
}

/** A 10-minute outage in 10 s once a tenth of the orders are through; Odoo's clock jumps the 10 minutes. */
async function outage(ctx: TChaosContext): Promise<void> {
  if (!(await until(ctx, () => ctx.settled() >= Math.ceil(ctx.total / 10)))) return;
  const { body } = await ctx.stack.odoo.admin("GET", "state");
  const offsetMs = ((body as { clock?: { offsetMs?: number } }).clock?.offsetMs ?? 0) + 600_000;
  await ctx.stack.odoo.admin("POST", "faults", { kind: "outage", durationMs: 10_000 });
  await ctx.stack.odoo.admin("PUT", "clock", { offsetMs });
  await sleep(10_000);
  const over = Date.now();
  const settledAtEnd = ctx.settled();
  if (await until(ctx, () => ctx.settled() > settledAtEnd))
    ctx.notes.push(`outage over: pushes resumed after ${Date.now() - over} ms`);
}

/** A second job per order after it was placed, and 40 % pushed directly beside the workers. */
async function duplicateJobs(ctx: TChaosContext): Promise<void> {
  const direct = pLimit(2);
  const runs: Promise<unknown>[] = [];
  let seen = 0;
  for (let more = true; more || seen < ctx.orders.length;) {
    more = await ctx.pause(1_000);
    const fresh = ctx.orders.slice(seen);
    seen += fresh.length;
    if (!fresh.length) continue;
    await resilient(() =>
      db.$transaction(async (tx) => {
        for (const order of fresh)
          await enqueue(tx, pushOrderToOdooJob, { orderId: order.id }, { singletonKey: `${order.id}:again` });
      }),
    );
    for (const [index, order] of fresh.entries())
      if ((seen - fresh.length + index) % 5 < 2)
        runs.push(
          direct(() =>
            pushOrderToOdoo({ orderId: order.id }, { jobId: "direct", attempt: 0, correlationId: "chaos" }),
          ).catch(() => "a retryable failure: the jobs finish it"),
        );
  }
  await Promise.all(runs);
  ctx.notes.push(`${seen} duplicate jobs, ${runs.length} direct pushes beside the workers`);
}

type TStockChange = { sku: string; quantity: number; at: number; seenAfter?: number };

/**
 * Every webhook dropped; the stock of a shared product counted anew in Odoo every 20 s for at
 * least a minute (150 ms per order beyond that); the cache read every second. A change's staleness
 * is the time until the cache shows it (or a later count of the same product).
 */
async function measureStockStaleness(ctx: TChaosContext): Promise<void> {
  const client = plainOdooClient(ctx.stack.target);
  const productIds = await Promise.all(
    SHARED_SKUS.map(async (sku) => (await client.search("product.product", [["default_code", "=", sku]]))[0]!),
  );
  const changes: TStockChange[] = [];
  const windowMs = Math.max(60_000, ctx.total * 150);
  const started = Date.now();
  let counting = true;
  const watcher = watchStock(changes, () => counting, started + windowMs + 6 * 60_000);
  for (let index = 0; Date.now() - started < windowMs; index += 1) {
    const slot = index % SHARED_SKUS.length;
    const quantity = 5_000 + index;
    await ctx.stack.odoo.admin("POST", "actions/stock", { productId: productIds[slot], quantity });
    changes.push({ sku: SHARED_SKUS[slot]!, quantity, at: Date.now() });
    await sleep(20_000);
  }
  counting = false;
  await watcher;
  for (const change of changes) ctx.stalenessMs.push((change.seenAfter ?? Date.now()) - change.at);
  const unseen = changes.filter((change) => change.seenAfter === undefined).length;
  ctx.notes.push(`${changes.length} stock counts in Odoo, webhooks dropped; ${unseen} never reached the cache`);
}

async function watchStock(changes: TStockChange[], counting: () => boolean, deadline: number): Promise<void> {
  for (;;) {
    await sleep(1_000);
    const rows = await db.erpStock
      .findMany({ where: { sku: { in: SHARED_SKUS }, locationId: 5 }, select: { sku: true, onHand: true } })
      .catch(() => []);
    const cached = new Map(rows.map((row) => [row.sku, Number(row.onHand)]));
    for (const [index, change] of changes.entries()) {
      if (change.seenAfter !== undefined) continue;
      const current = cached.get(change.sku);
      const laterOfSku = changes.slice(index).filter((later) => later.sku === change.sku);
      if (laterOfSku.some((later) => later.quantity === current)) change.seenAfter = Date.now();
    }
    const pending = changes.some((change) => change.seenAfter === undefined);
    if (Date.now() > deadline || (!counting() && !pending)) return;
  }
}

/**
 * Webhooks off, and reconciliation's cursors at Odoo's now — as if it had kept up so far: other
 * cases pushed thousands of orders with no reconciliation running, a backlog production never has.
 */
async function dropWebhooksAndReconcileFromNow(stack: TChaosStack): Promise<void> {
  await stack.odoo.admin("PUT", "faults/webhooks", { drop: true, delayMs: 0 });
  const { body } = await stack.odoo.admin("GET", "state");
  const writeDate = String((body as { clock: { now: string } }).clock.now).slice(0, 19);
  for (const name of Object.keys(ODOO_RECONCILERS))
    await db.syncCursor.upsert({
      where: { name },
      create: { name, writeDate, seenIds: [] },
      update: { writeDate, seenIds: [] },
    });
}

export const CHAOS_CASES: TChaosCase[] = [
  { name: "baseline", title: "no faults (the yardstick)" },
  {
    name: "5xx-bursts",
    title: "a burst of 40 × 503, then scattered 503, 502, 429 and Odoo 500s",
    faults: [
      { kind: "error", status: 503, count: 40 },
      { kind: "error", status: 503, rate: 0.05 },
      { kind: "error", status: 502, rate: 0.03 },
      { kind: "error", status: 429, rate: 0.02 },
      { kind: "error", status: 500, model: "sale.order", rate: 0.05 },
    ],
  },
  {
    name: "timeouts",
    title: "timeouts (client gives up at 2 s); 20 % of creates and confirms commit after it gave up",
    faults: [
      { kind: "timeout", model: "sale.order", method: "create", delayMs: 3_000, commit: true, rate: 0.2 },
      { kind: "timeout", model: "sale.order", method: "action_confirm", delayMs: 3_000, commit: true, rate: 0.2 },
      { kind: "timeout", delayMs: 3_000, rate: 0.05 },
    ],
  },
  {
    name: "drop-create",
    title: "half the creates committed in Odoo, the answer lost",
    faults: [{ kind: "commit_then_drop", model: "sale.order", method: "create", rate: 0.5 }],
  },
  {
    name: "drop-confirm",
    title: "half the confirms committed in Odoo, the answer lost",
    faults: [{ kind: "commit_then_drop", model: "sale.order", method: "action_confirm", rate: 0.5 }],
  },
  {
    name: "serialization",
    title: "SerializationFailure (HTTP 500) on half the confirms, leaving drafts",
    faults: [{ kind: "error", status: 500, model: "sale.order", method: "action_confirm", rate: 0.5 }],
  },
  {
    name: "outage",
    title: "a 10-minute Odoo outage, compressed to 10 s (Odoo's clock jumps 10 min)",
    during: outage,
    extraTimeMs: 30_000,
  },
  {
    name: "duplicated-jobs",
    title: "a second job per order, 40 % pushed directly beside the worker, 20 % of create answers lost",
    faults: [{ kind: "commit_then_drop", model: "sale.order", method: "create", rate: 0.2 }],
    during: duplicateJobs,
  },
  {
    name: "racing-workers",
    title: "two workers taking both jobs of every order at once; 20 % of create and confirm answers lost",
    workers: 2,
    duplicateJob: true,
    faults: [
      { kind: "commit_then_drop", model: "sale.order", method: "create", rate: 0.2 },
      { kind: "commit_then_drop", model: "sale.order", method: "action_confirm", rate: 0.2 },
    ],
  },
  {
    name: "kill-9",
    title: "SIGKILL of one of two workers every 5–30 s, a new one started; confirms take 300 ms",
    workers: 2,
    faults: [{ kind: "latency", model: "sale.order", method: "action_confirm", delayMs: 300 }],
    during: killWorkers,
    extraTimeMs: 120_000,
  },
  {
    name: "postgres",
    title: "pg_terminate_backend of every session at 20 %, PostgreSQL restarted -m immediate at 50 %",
    workers: 2,
    during: breakPostgres,
    extraTimeMs: 120_000,
  },
  {
    name: "webhooks-dropped",
    title: "every Odoo webhook dropped; stock counted anew in Odoo every 20 s; reconciliation only",
    jobs: "push+reconcile",
    before: dropWebhooksAndReconcileFromNow,
    during: measureStockStaleness,
    extraTimeMs: 420_000,
  },
];
