// The operations overview against a real PostgreSQL and pg-boss (a database of its own, so the
// counts are exact): the red banner comes on when the oldest order waiting for its push is older
// than OPERATIONS_UNPUSHED_ALERT_MINUTES and goes off when it is pushed; queue depths by state;
// jobs and webhook deliveries per minute by outcome, inside the last hour only.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createOrganisationWithMembers } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { seedOrder } from "../../test/support/orders";
import type { InboundStatus } from "@/generated/prisma/enums";
import { getEnv } from "@/server/env";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { getOperationsOverview } from "@/server/operations/get-operations-overview";
import { getOperationsBoss, stopOperationsBoss } from "@/server/operations/operations-boss";

const db = testDb();
const PUSH = pushOrderToOdooJob.name;
afterAll(async () => {
  await stopOperationsBoss();
  await db.$disconnect();
});

async function queuedOrderPlacedAt(placedAt: Date) {
  const { organisation, buyer } = await createOrganisationWithMembers(db);
  const order = await seedOrder(db, { organisationId: organisation.id, buyerId: buyer.id, pushStatus: "QUEUED" });

  return db.order.update({ where: { id: order.id }, data: { placedAt } });
}

describe("operations overview", () => {
  it("raises the red banner only while the oldest unpushed order is older than the threshold", async () => {
    const now = new Date();
    const thresholdMs = getEnv().OPERATIONS_UNPUSHED_ALERT_MINUTES * 60_000;
    expect((await getOperationsOverview(now)).unpushed).toMatchObject({ oldest: null, alert: false });

    const recent = await queuedOrderPlacedAt(new Date(now.getTime() - thresholdMs + 5_000));
    expect((await getOperationsOverview(now)).unpushed).toEqual({
      oldest: {
        id: recent.id,
        reference: recent.reference,
        placedAt: recent.placedAt,
        ageSeconds: thresholdMs / 1000 - 5,
      },
      thresholdMinutes: getEnv().OPERATIONS_UNPUSHED_ALERT_MINUTES,
      alert: false,
    });

    const stuck = await queuedOrderPlacedAt(new Date(now.getTime() - thresholdMs - 5_000));
    expect((await getOperationsOverview(now)).unpushed).toMatchObject({
      oldest: { id: stuck.id, ageSeconds: thresholdMs / 1000 + 5 },
      alert: true,
    });

    // Pushed orders no longer count: the banner goes off, the next one waiting is shown.
    await db.order.update({ where: { id: stuck.id }, data: { pushStatus: "PUSHED", pushedAt: now } });
    expect((await getOperationsOverview(now)).unpushed).toMatchObject({ oldest: { id: recent.id }, alert: false });
    // A failed push is in the dead letters, not waiting: it does not keep the banner on either.
    await db.order.update({ where: { id: recent.id }, data: { pushStatus: "FAILED" } });
    expect((await getOperationsOverview(now)).unpushed).toMatchObject({ oldest: null, alert: false });
  });

  it("counts queue depths by state and jobs per minute by outcome", async () => {
    const boss = await getOperationsBoss();
    // The push queue is exclusive per singleton key: one key per job, as the app sends them.
    const send = (options: { startAfter?: number } = {}) => {
      const orderId = randomUUID();

      return boss.send(
        PUSH,
        { version: 1, correlationId: null, payload: { orderId } },
        { ...options, singletonKey: orderId },
      );
    };
    const ids = await Promise.all([send(), send(), send(), send(), send({ startAfter: 3_600 })]);
    const now = new Date();

    let push = (await getOperationsOverview(now)).queues.find((queue) => queue.queue === PUSH);
    expect(push).toMatchObject({ waiting: 4, deferred: 1, active: 0, retrying: 0, failed: 0, deadLettered: 0 });

    // Shape three of them as the worker leaves them: two completed and one failed two minutes ago.
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 120_000);
    const at = new Date(minute.getTime() + 15_000);
    await db.$executeRaw`UPDATE pgboss.job SET state = 'completed', completed_on = ${at}
      WHERE id IN (${ids[0]}::uuid, ${ids[1]}::uuid)`;
    await db.$executeRaw`UPDATE pgboss.job SET state = 'failed', completed_on = ${at} WHERE id = ${ids[2]}::uuid`;
    await db.$executeRaw`UPDATE pgboss.job SET state = 'retry' WHERE id = ${ids[3]}::uuid`;

    const overview = await getOperationsOverview(now);
    push = overview.queues.find((queue) => queue.queue === PUSH);
    expect(push).toMatchObject({
      waiting: 0,
      deferred: 1,
      retrying: 1,
      failed: 1,
      completedLastHour: 2,
      failedLastHour: 1,
    });
    expect(overview.jobsPerMinute).toHaveLength(60);
    expect(overview.jobsPerMinute.find((point) => point.minute === minute.toISOString())).toEqual({
      minute: minute.toISOString(),
      completed: 2,
      failed: 1,
      cancelled: 0,
    });
    const others = overview.jobsPerMinute.filter((point) => point.minute !== minute.toISOString());
    expect(others.every((point) => point.completed === 0 && point.failed === 0)).toBe(true);
  });

  it("counts webhook deliveries per minute by status, within the last hour", async () => {
    const now = new Date();
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 5 * 60_000);
    const deliver = (status: InboundStatus, receivedAt: Date) =>
      db.inboundDelivery.create({ data: { source: "odoo", status, receivedAt, correlationId: randomUUID() } });
    const inMinute = new Date(minute.getTime() + 20_000);
    for (const status of ["PROCESSED", "PROCESSED", "REJECTED", "DUPLICATE", "FAILED"] as const)
      await deliver(status, inMinute);
    await deliver("PROCESSED", new Date(now.getTime() - 2 * 3_600_000));

    const { deliveriesPerMinute } = await getOperationsOverview(now);
    expect(deliveriesPerMinute).toHaveLength(60);
    expect(deliveriesPerMinute.find((point) => point.minute === minute.toISOString())).toEqual({
      minute: minute.toISOString(),
      accepted: 0,
      processed: 2,
      duplicate: 1,
      rejected: 1,
      failed: 1,
    });
    const total = deliveriesPerMinute.reduce(
      (sum, point) =>
        sum +
        ["accepted", "processed", "duplicate", "rejected", "failed"].reduce((n, key) => n + Number(point[key]), 0),
      0,
    );
    expect(total).toBe(5);
  });
});
