// The operations console's use cases against a real PostgreSQL, pg-boss and the Odoo emulator:
// a push job dead-lettered by the real worker code, replayed once however often it is asked;
// cancellation and retry-now audited; the sync log found by every kind of id; one order's
// timeline in time order with the Odoo call that failed.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { signInAs } from "../../test/support/next-request-scope";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { seedOrder } from "../../test/support/orders";
import {
  cancelJobAction,
  healDriftFindingAction,
  replayDeadLettersAction,
  reprocessDeliveryAction,
  retryJobNowAction,
} from "@/server/actions/operations";
import type { TSessionUser } from "@/server/auth/session";
import { withSyncRun } from "@/server/integrations/record-sync-run";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { stopSender } from "@/server/jobs/enqueue";
import { startWorker } from "@/server/jobs/start-worker";
import { runWithCorrelation } from "@/server/logger";
import { cancelJob } from "@/server/operations/cancel-job";
import { findDeadLetters } from "@/server/operations/find-dead-letters";
import { findQueueStats } from "@/server/operations/find-queue-stats";
import { getOrderTimeline } from "@/server/operations/get-order-timeline";
import { getOperationsBoss, stopOperationsBoss } from "@/server/operations/operations-boss";
import { flushIntegrationCalls } from "@/server/operations/record-integration-call";
import { replayDeadLetters } from "@/server/operations/replay-dead-letters";
import { retryJobNow } from "@/server/operations/retry-job-now";
import { searchSyncLog } from "@/server/operations/search-sync-log";

const db = testDb();
const emulator = useOdooEmulator();
const PUSH = pushOrderToOdooJob.name;
let operator: TSessionUser;

afterAll(async () => {
  await stopOperationsBoss();
  await stopSender();
  await db.$disconnect();
});

beforeAll(async () => {
  const user = await createUser(db, { role: "OPERATOR" });
  operator = { ...user, organisationName: null };
});

async function placedOrder(overrides: Parameters<typeof seedOrder>[1] extends infer T ? Partial<T> : never = {}) {
  const { organisation, buyer } = await createOrganisationWithMembers(db);

  return seedOrder(db, { organisationId: organisation.id, buyerId: buyer.id, ...overrides });
}

/** A push job the real job runner dead-letters at once (its payload fails the schema), under `correlationId`. */
async function deadLetteredPush(orderId: string, correlationId: string): Promise<string> {
  const boss = await getOperationsBoss();
  const envelope = { version: 1, correlationId, payload: { orderId, unexpected: true } };
  await boss.send(PUSH, envelope, { singletonKey: orderId });
  const worker = await startWorker([pushOrderToOdooJob]);
  try {
    for (let waited = 0; waited < 20_000; waited += 200) {
      const [dead] = (await findDeadLetters({ queue: PUSH })).filter((letter) => letter.orderId === orderId);
      if (dead) return dead.id;
      await sleep(200);
    }
  } finally {
    await worker.stop();
  }
  throw new Error("the push was not dead-lettered");
}

const pushJobs = (orderId: string) =>
  db.$queryRaw<{ id: string; state: string; singleton_key: string }[]>`
    SELECT id, state::text AS state, singleton_key FROM pgboss.job
    WHERE name = ${PUSH} AND data->'payload'->>'orderId' = ${orderId} ORDER BY created_on`;

describe("dead letters", () => {
  it("shows a dead-lettered push with its error, attempts and correlation id, and counts it per queue", async () => {
    const order = await placedOrder({ pushStatus: "FAILED" });
    const deadId = await deadLetteredPush(order.id, `corr-${randomUUID()}`);
    const [letter] = await findDeadLetters({ ids: [deadId] });

    expect(letter).toMatchObject({
      queue: PUSH,
      orderId: order.id,
      attempts: 1,
      singletonKey: order.id,
      error: { error: "INVALID_PAYLOAD", issues: [expect.stringContaining("unexpected")] },
    });
    expect((await findQueueStats()).find((queue) => queue.queue === PUSH)?.deadLettered).toBeGreaterThanOrEqual(1);
  });

  it("replays a dead letter once, however often and however concurrently it is asked; audited; the order is queued again", async () => {
    const order = await placedOrder({ pushStatus: "FAILED" });
    const deadId = await deadLetteredPush(order.id, `corr-${randomUUID()}`);

    const results = await Promise.all([replayDeadLetters([deadId], operator), replayDeadLetters([deadId], operator)]);
    const again = await replayDeadLetters([deadId], operator);

    expect(results.map((result) => result.replayed).sort()).toEqual([0, 1]);
    expect(again).toEqual({ replayed: 0, skipped: 1 });
    const jobs = await pushJobs(order.id);
    expect(jobs.filter((job) => job.state === "created")).toEqual([
      expect.objectContaining({ singleton_key: order.id }),
    ]);
    expect(jobs.filter((job) => job.state === "failed")).toHaveLength(1);
    expect(await findDeadLetters({ ids: [deadId] })).toEqual([]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).pushStatus).toBe("QUEUED");
    const audits = await db.auditLog.findMany({
      where: { action: "operations.dead-letter.replay", entityId: order.id },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: operator.id,
      entityType: "order",
      after: expect.objectContaining({ deadLetterId: deadId }),
    });
  });

  it("does not replay a dead letter while a job with the same singleton key waits", async () => {
    const order = await placedOrder({ pushStatus: "FAILED" });
    const deadId = await deadLetteredPush(order.id, `corr-${randomUUID()}`);
    const boss = await getOperationsBoss();
    await boss.send(
      PUSH,
      { version: 1, correlationId: null, payload: { orderId: order.id } },
      { singletonKey: order.id },
    );

    expect(await replayDeadLetters([deadId], operator)).toEqual({ replayed: 0, skipped: 1 });
    expect((await pushJobs(order.id)).filter((job) => job.state === "created")).toHaveLength(1);
  });
});

describe("cancel and retry now", () => {
  it("cancels a waiting job with the reason in the audit log, once", async () => {
    const order = await placedOrder();
    const boss = await getOperationsBoss();
    const jobId = (await boss.send(
      PUSH,
      { version: 1, correlationId: null, payload: { orderId: order.id } },
      {
        singletonKey: order.id,
      },
    ))!;

    expect(await cancelJob({ jobId, reason: "Customer withdrew the order by phone" }, operator)).toEqual({
      queue: PUSH,
    });
    await expect(cancelJob({ jobId, reason: "again" }, operator)).rejects.toMatchObject({ code: "INVALID_STATE" });

    expect((await pushJobs(order.id)).map((job) => job.state)).toEqual(["cancelled"]);
    const audits = await db.auditLog.findMany({ where: { action: "operations.job.cancel", entityId: order.id } });
    expect(audits).toEqual([
      expect.objectContaining({
        actorId: operator.id,
        before: { state: "created" },
        after: expect.objectContaining({ jobId, reason: "Customer withdrew the order by phone" }),
      }),
    ]);
  });

  it("moves a retrying job's next attempt to now, and refuses a job that is not retrying", async () => {
    const order = await placedOrder();
    const boss = await getOperationsBoss();
    const jobId = (await boss.send(
      PUSH,
      { version: 1, correlationId: null, payload: { orderId: order.id } },
      {
        singletonKey: order.id,
      },
    ))!;
    await expect(retryJobNow(jobId, operator)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await db.$executeRaw`
      UPDATE pgboss.job SET state = 'retry', start_after = now() + interval '1 hour' WHERE id = ${jobId}::uuid`;

    await retryJobNow(jobId, operator);

    const [job] = await db.$queryRaw<
      { start_after: Date }[]
    >`SELECT start_after FROM pgboss.job WHERE id = ${jobId}::uuid`;
    expect(job!.start_after.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(await db.auditLog.count({ where: { action: "operations.job.retry-now", entityId: jobId } })).toBe(1);
  });
});

describe("sync log search", () => {
  it("finds an order's runs by every kind of id", async () => {
    const suffix = String(Date.now()).slice(-6);
    const order = await placedOrder({ poNumber: `PO-${suffix}`, odooOrderName: `S9${suffix}` });
    const odooId = Number(`7${suffix}`);
    const medusaId = `order_${randomUUID().replaceAll("-", "")}`;
    await db.order.update({ where: { id: order.id }, data: { odooOrderId: odooId, medusaOrderId: medusaId } });
    const correlationId = `corr-${randomUUID()}`;
    await runWithCorrelation(correlationId, () =>
      withSyncRun({ kind: "order.push", trigger: "job", entityType: "order", localId: order.id }, async () => ({
        outcome: "CHANGED",
        summary: "pushed",
      })),
    );
    await withSyncRun(
      { kind: "odoo.sale-order.sync", trigger: "webhook", system: "ODOO", externalId: String(odooId) },
      async () => ({
        outcome: "UNCHANGED",
      }),
    );
    const other = await placedOrder({ poNumber: `PO-X${suffix}` });
    await withSyncRun({ kind: "order.push", trigger: "job", entityType: "order", localId: other.id }, async () => ({
      outcome: "CHANGED",
    }));

    const kinds = async (q: string) => {
      const { orders, runs } = await searchSyncLog({ q });

      return { orders: orders.map((found) => found.id), runs: runs.map((run) => run.kind).sort() };
    };
    const both = { orders: [order.id], runs: ["odoo.sale-order.sync", "order.push"] };
    expect(await kinds(order.id)).toEqual(both);
    expect(await kinds(`po-${suffix}`)).toEqual(both);
    expect(await kinds(order.reference)).toEqual(both);
    expect(await kinds(`S9${suffix}`)).toEqual(both);
    expect(await kinds(String(odooId))).toEqual(both);
    expect(await kinds(medusaId)).toEqual(both);
    expect(await kinds(correlationId)).toEqual({ orders: [], runs: ["order.push"] });
    expect((await kinds(order.organisationId)).orders).toEqual([order.id]);
    expect((await kinds("PO-nothing-like-it")).runs).toEqual([]);
  });
});

describe("order timeline", () => {
  it("puts checkout, the push job, the failing Odoo call, the dead letter and the replay in time order", async () => {
    const order = await placedOrder({ pushStatus: "FAILED", submittedAt: new Date(Date.now() - 60_000) });
    const correlationId = `corr-${randomUUID()}`;
    await emulator.odoo.admin("POST", "faults", { kind: "error", status: 500, model: "sale.order", method: "create" });
    await runWithCorrelation(correlationId, async () => {
      const client = emulator.client("json2");
      await client.searchCount("res.partner").catch(() => 0);
      await withSyncRun({ kind: "order.push", trigger: "job", entityType: "order", localId: order.id }, () =>
        client.create("sale.order", { partner_id: 1 }).then(() => ({ outcome: "CHANGED" as const })),
      ).catch(() => null);
    });
    await flushIntegrationCalls();
    const deadId = await deadLetteredPush(order.id, correlationId);
    await replayDeadLetters([deadId], operator);

    const { events } = await getOrderTimeline(order.id);
    const times = events.map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const titles = events.map((event) => event.title);
    expect(titles[0]).toBe("Checkout submitted");
    const at = (pattern: RegExp) => titles.findIndex((title) => pattern.test(title));
    for (const pattern of [
      /^Order placed$/,
      /^res\.partner \/ search_count$/,
      /^sale\.order \/ create$/,
      /^order\.push: failed$/,
      /^Push to Odoo queued$/,
      /^Push job failed/,
      /^Push replayed from the dead letters by /,
    ])
      expect(at(pattern), String(pattern)).toBeGreaterThan(0);
    expect(at(/^Order placed$/)).toBeLessThan(at(/^sale\.order \/ create$/));
    expect(at(/^sale\.order \/ create$/)).toBeLessThan(at(/^Push replayed/));
    const create = events.find((event) => event.title === "sale.order / create")!;
    expect(create).toMatchObject({ system: "Odoo", outcome: "failed", correlationId });
    expect(create.detail).toMatch(/SerializationFailure/);
    expect(create.durationMs).toEqual(expect.any(Number));
    expect(titles.filter((title) => title === "Push to Odoo queued")).toHaveLength(2);
  });
});

describe("operations actions", () => {
  it("refuse buyers, org admins and data managers, and visitors without a session; change nothing", async () => {
    const order = await placedOrder({ pushStatus: "FAILED" });
    const deadId = await deadLetteredPush(order.id, `corr-${randomUUID()}`);
    const { buyer, admin } = await createOrganisationWithMembers(db);
    const dataManager = await createUser(db, { role: "DATA_MANAGER" });
    const id = randomUUID();
    for (const user of [buyer, admin, dataManager, null]) {
      signInAs(user);
      const code = user ? "FORBIDDEN" : "UNAUTHENTICATED";
      expect(await replayDeadLettersAction([deadId])).toMatchObject({ ok: false, code });
      expect(await cancelJobAction({ jobId: deadId, reason: "not allowed to" })).toMatchObject({ ok: false, code });
      expect(await retryJobNowAction(id)).toMatchObject({ ok: false, code });
      expect(await reprocessDeliveryAction(id)).toMatchObject({ ok: false, code });
      expect(await healDriftFindingAction(id)).toMatchObject({ ok: false, code });
    }
    expect(await findDeadLetters({ ids: [deadId] })).toHaveLength(1);

    signInAs(operator);
    expect(await cancelJobAction({ jobId: deadId, reason: "no" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { reason: [expect.stringContaining("at least 5")] },
    });
    expect(await replayDeadLettersAction([deadId])).toEqual({ ok: true, data: { replayed: 1, skipped: 0 } });
  });
});
