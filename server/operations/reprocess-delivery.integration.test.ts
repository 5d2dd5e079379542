// Re-processing a webhook delivery against a real PostgreSQL and the real worker code: asked
// twice at once it queues one job; the worker runs the delivery again (a second sync run under
// the new job) and its outcome in the inbox is updated from failed to processed; audited once.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import type { TSessionUser } from "@/server/auth/session";
import { recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";
import { processInboundDeliveryJob } from "@/server/jobs/definitions/process-inbound-delivery";
import { stopSender } from "@/server/jobs/enqueue";
import { startWorker } from "@/server/jobs/start-worker";
import { reprocessDelivery } from "@/server/operations/reprocess-delivery";

const db = testDb();
const JOB = processInboundDeliveryJob.name;
let operator: TSessionUser;

beforeAll(async () => {
  const user = await createUser(db, { role: "OPERATOR" });
  operator = { ...user, organisationName: null };
});
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

/** Runs the inbox's worker until the delivery is settled (processed or failed). */
async function processWithWorker(deliveryId: string) {
  const worker = await startWorker([processInboundDeliveryJob]);
  try {
    for (let waited = 0; waited < 20_000; waited += 200) {
      const delivery = await db.inboundDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
      if (delivery.status !== "ACCEPTED") return delivery;
      await sleep(200);
    }
  } finally {
    await worker.stop();
  }
  throw new Error("the delivery was not processed");
}

const jobsOf = (deliveryId: string) =>
  db.$queryRaw<{ id: string; state: string }[]>`
    SELECT id, state::text AS state FROM pgboss.job WHERE name = ${JOB} AND data->'payload'->>'deliveryId' = ${deliveryId}
    ORDER BY created_on`;

describe("re-process a webhook delivery", () => {
  it("queues one job however often it is asked, runs the delivery again and updates its outcome", async () => {
    // A model nobody processes: the processor-less path settles it as PROCESSED with a reason.
    const recorded = await recordInboundDelivery({
      source: "odoo",
      headers: {},
      body: JSON.stringify({ _model: "x_ops.probe", _id: 41 }),
      subject: { type: "x_ops.probe", id: "41" },
      verdict: "accepted",
      dedupeKey: `x_ops.probe:41:${Date.now()}`,
      dedupeWindowSeconds: 60,
    });
    const first = await processWithWorker(recorded.id);
    expect(first).toMatchObject({ status: "PROCESSED", jobId: recorded.jobId });
    // As a delivery whose processing failed for good: what an operator re-processes.
    await db.inboundDelivery.update({
      where: { id: recorded.id },
      data: { status: "FAILED", reason: "Odoo was down for good" },
    });

    const asked = await Promise.all([
      reprocessDelivery(recorded.id, operator),
      reprocessDelivery(recorded.id, operator),
    ]);
    const again = await reprocessDelivery(recorded.id, operator);
    expect([...asked, again].filter((result) => result.queued)).toHaveLength(1);
    const waiting = await db.inboundDelivery.findUniqueOrThrow({ where: { id: recorded.id } });
    expect(waiting).toMatchObject({ status: "ACCEPTED", processedAt: null });
    expect(waiting.jobId).not.toBe(recorded.jobId);
    expect((await jobsOf(recorded.id)).map((job) => [job.id, job.state])).toEqual([
      [recorded.jobId, "completed"],
      [waiting.jobId, "created"],
    ]);
    expect(await db.auditLog.count({ where: { action: "operations.delivery.reprocess", entityId: recorded.id } })).toBe(
      1,
    );

    const second = await processWithWorker(recorded.id);
    expect(second).toMatchObject({
      status: "PROCESSED",
      jobId: waiting.jobId,
      reason: expect.stringContaining("Not handled"),
    });
    expect(second.processedAt!.getTime()).toBeGreaterThan(first.processedAt!.getTime());
    const runs = await db.syncRun.findMany({
      where: { kind: "odoo.x_ops.probe.inbound" },
      orderBy: { startedAt: "asc" },
    });
    expect(runs.map((run) => run.jobId)).toEqual([recorded.jobId, waiting.jobId]);
    expect((await jobsOf(recorded.id)).map((job) => job.state)).toEqual(["completed", "completed"]);
  });

  it("refuses rejected deliveries and duplicates", async () => {
    const rejected = await recordInboundDelivery({
      source: "odoo",
      headers: {},
      body: "{}",
      verdict: "rejected",
      reason: "Unknown token in the URL.",
    });
    await expect(reprocessDelivery(rejected.id, operator)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await jobsOf(rejected.id)).toEqual([]);
  });
});
