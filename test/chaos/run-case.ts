// One chaos case, end to end: faults set, workers started, N orders written as checkout writes
// them (Order + lines + push job in one transaction) while the case's disruption runs, then the
// ground truth — Odoo's sale orders by client_order_ref, our Order rows, the queue — counted
// into one row of the table. Shared by `npm run test:chaos` and the short run in `npm test`.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { checkOdooOrders, createPlacedOrders, type TCreatedOrder } from "../../bench/push/fixtures";
import type { TChaosStack, TWorkerJobs } from "./stack";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";

/** What a case's disruption sees and reports into while the orders flow. */
export type TChaosContext = {
  stack: TChaosStack;
  /** The orders written so far (grows while the producer runs). */
  orders: TCreatedOrder[];
  total: number;
  /** True once every order is written and none is still QUEUED (or the case ran out of time). */
  finished: () => boolean;
  /** How many of the orders are PUSHED or FAILED (the last poll's figure). */
  settled: () => number;
  /** Sleeps `ms`, waking early when the case is finished; returns whether it still runs. */
  pause: (ms: number) => Promise<boolean>;
  rescueMs: number[];
  reconnectMs: number[];
  stalenessMs: number[];
  notes: string[];
};

export type TChaosCase = {
  name: string;
  title: string;
  workers?: number;
  jobs?: TWorkerJobs;
  /** Emulator fault rules in force for the whole case. */
  faults?: Record<string, unknown>[];
  /** A second push job per order right behind the first (two workers then take both at once). */
  duplicateJob?: boolean;
  /** Prepares the stack before the workers start. */
  before?: (stack: TChaosStack) => Promise<void>;
  /** Runs beside the orders until ctx.finished(); injects the case's disruption and measures it. */
  during?: (ctx: TChaosContext) => Promise<void>;
  /** Time allowed for the orders to settle, beyond what their number needs. */
  extraTimeMs?: number;
};

export type TChaosRow = {
  name: string;
  orders: number;
  lost: number;
  duplicated: number;
  wrongPrice: number;
  stuck: number;
  unconfirmed: number;
  unrecorded: number;
  deadLettered: number;
  seconds: number;
  /** Worker processes that died without being killed by the case (restarted, as a supervisor would). */
  crashes: string[];
  /** Faults the emulator injected during the case (proof the case did what it says). */
  faultsInjected: number;
  rescueMs: number | null;
  reconnectMs: number | null;
  stalenessMs: number | null;
  notes: string[];
  /** References of the orders behind each non-zero count (for the report of a failure). */
  examples: Record<string, string[]>;
  created: TCreatedOrder[];
};

const BATCH = 25;
const PER_ORDER_MS = 1_500;
const SETTLE_MS = 120_000;

/** Retries a read that a killed session or a restarting PostgreSQL interrupted. */
export async function resilient<T>(read: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

async function countByStatus(ids: string[]) {
  const rows = await db.order.groupBy({ by: ["pushStatus"], where: { id: { in: ids } }, _count: true });
  const of = (status: string) => rows.find((row) => row.pushStatus === status)?._count ?? 0;

  return { queued: of("QUEUED"), pushed: of("PUSHED"), failed: of("FAILED") };
}

/** Push jobs of these orders that are still to run or running (retries of duplicates included). */
async function openJobs(ids: string[]): Promise<number> {
  const [row] = await db.$queryRaw<{ open: bigint }[]>`
    SELECT count(*) AS open FROM pgboss.job
    WHERE name = ${pushOrderToOdooJob.name} AND state IN ('created', 'retry', 'active')
      AND data->'payload'->>'orderId' = ANY(${ids}::text[])`;

  return Number(row?.open ?? 0);
}

async function produce(ctx: TChaosContext, chaosCase: TChaosCase, prefix: string): Promise<void> {
  for (let index = 0; index < ctx.total; index += BATCH) {
    const count = Math.min(BATCH, ctx.total - index);
    const batch = await resilient(() =>
      createPlacedOrders(ctx.stack.fixtures, count, {
        prefix: `${prefix}-${String(index / BATCH).padStart(3, "0")}`,
        duplicateJob: chaosCase.duplicateJob ?? false,
      }),
    );
    ctx.orders.push(...batch);
  }
}

/** Runs one case with `total` orders; never throws for what it counts — the row says what happened. */
export async function runChaosCase(stack: TChaosStack, chaosCase: TChaosCase, total: number): Promise<TChaosRow> {
  await stack.odoo.admin("DELETE", "faults");
  for (const rule of chaosCase.faults ?? []) {
    const { status, body } = await stack.odoo.admin("POST", "faults", rule);
    if (status !== 200) throw new Error(`fault ${JSON.stringify(rule)} refused: ${JSON.stringify(body)}`);
  }
  await chaosCase.before?.(stack);
  for (let n = 0; n < (chaosCase.workers ?? 1); n += 1) stack.startWorker(chaosCase.jobs);

  const logStart = stack.odoo.log.length;
  const crashesBefore = stack.crashes.length;
  const started = Date.now();
  let produced = false;
  let finished = false;
  let settled = 0;
  const ctx: TChaosContext = {
    stack,
    orders: [],
    total,
    finished: () => finished,
    settled: () => settled,
    pause: async (ms) => {
      const until = Date.now() + ms;
      while (!finished && Date.now() < until) await sleep(Math.min(250, until - Date.now()));

      return !finished;
    },
    rescueMs: [],
    reconnectMs: [],
    stalenessMs: [],
    notes: [],
  };
  const prefix = `${chaosCase.name.slice(0, 10)}-${randomUUID().slice(0, 4)}`;
  const producer = produce(ctx, chaosCase, prefix).finally(() => (produced = true));
  const disruption = (chaosCase.during?.(ctx) ?? Promise.resolve()).catch((error: unknown) => {
    ctx.notes.push(`disruption failed: ${error instanceof Error ? error.message : String(error)}`);
  });

  const deadline = started + total * PER_ORDER_MS + 180_000 + (chaosCase.extraTimeMs ?? 0);
  while (Date.now() < deadline) {
    await sleep(500);
    const ids = ctx.orders.map((order) => order.id);
    const counts = await countByStatus(ids).catch(() => undefined);
    if (!counts) continue;
    settled = counts.pushed + counts.failed;
    if (produced && counts.queued === 0) break;
  }
  finished = true;
  await producer.catch((error: unknown) => ctx.notes.push(`orders not all written: ${String(error)}`));
  await disruption;
  const seconds = (Date.now() - started) / 1000;

  const ids = ctx.orders.map((order) => order.id);
  // Duplicated jobs and retries still in the queue could still act on Odoo: let them run out first.
  const settleBy = Date.now() + SETTLE_MS;
  while (Date.now() < settleBy && (await resilient(() => openJobs(ids))) > 0) await sleep(500);
  const stillOpen = await resilient(() => openJobs(ids));
  if (stillOpen) ctx.notes.push(`${stillOpen} push job(s) still open after ${SETTLE_MS / 1000} s`);
  await stack.odoo.admin("DELETE", "faults");
  await stack.odoo.admin("PUT", "faults/webhooks", { drop: false, delayMs: 0 });
  await stack.stopWorkers();
  const crashes = stack.crashes.slice(crashesBefore);

  const faultsInjected = stack.odoo.log.slice(logStart).filter((line) => line.includes("fault injection:")).length;

  return tally(stack, chaosCase, ctx, { seconds, faultsInjected, crashes });
}

async function tally(
  stack: TChaosStack,
  chaosCase: TChaosCase,
  ctx: TChaosContext,
  { seconds, faultsInjected, crashes }: { seconds: number; faultsInjected: number; crashes: string[] },
): Promise<TChaosRow> {
  const check = await resilient(() => checkOdooOrders(stack.target, ctx.orders));
  const rows = await resilient(() =>
    db.order.findMany({
      where: { id: { in: ctx.orders.map((order) => order.id) } },
      select: { reference: true, pushStatus: true },
    }),
  );
  const stuck = rows.filter((row) => row.pushStatus === "QUEUED").map((row) => row.reference);
  const deadLettered = rows.filter((row) => row.pushStatus === "FAILED").map((row) => row.reference);
  const max = (values: number[]) => (values.length ? Math.max(...values) : null);
  const examples = Object.fromEntries(
    Object.entries({ ...check, stuck, deadLettered })
      .filter(([, list]) => list.length)
      .map(([key, list]) => [key, list.slice(0, 5)]),
  );

  return {
    name: chaosCase.name,
    orders: ctx.orders.length,
    lost: check.lost.length,
    duplicated: check.duplicated.length,
    wrongPrice: check.wrongPrices.length,
    stuck: stuck.length,
    unconfirmed: check.unconfirmed.length,
    unrecorded: check.notRecorded.length,
    deadLettered: deadLettered.length,
    seconds,
    crashes,
    faultsInjected,
    rescueMs: max(ctx.rescueMs),
    reconnectMs: max(ctx.reconnectMs),
    stalenessMs: max(ctx.stalenessMs),
    notes: ctx.notes,
    examples,
    created: ctx.orders,
  };
}
