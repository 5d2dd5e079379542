// The transactional outbox: a job written with enqueue(tx, …) exists if and only if the
// transaction that wrote it commits, carries the caller's correlation id, and respects the
// job's schema and singleton key.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/support/db";
import { db } from "@/server/db";
import { processInboundDeliveryJob } from "@/server/jobs/definitions/process-inbound-delivery";
import { pruneLoginAttemptsJob } from "@/server/jobs/definitions/prune-login-attempts";
import { enqueue, stopSender } from "@/server/jobs/enqueue";
import { runWithCorrelation } from "@/server/logger";

const raw = testDb();
afterAll(async () => {
  await stopSender();
  await raw.$disconnect();
});

type TJobRow = {
  id: string;
  state: string;
  data: { version: number; correlationId: string | null; payload: { deliveryId?: string } };
};
const jobsFor = (deliveryId: string) =>
  raw.$queryRaw<
    TJobRow[]
  >`SELECT id, state, data FROM pgboss.job WHERE name = ${processInboundDeliveryJob.name} AND data->'payload'->>'deliveryId' = ${deliveryId}`;
const attemptsFor = (email: string) => raw.loginAttempt.count({ where: { email } });

describe("enqueue(tx, job, payload)", () => {
  it("writes nothing when the transaction rolls back, and exactly one job when it commits", async () => {
    const lost = randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await tx.loginAttempt.create({ data: { email: `${lost}@x.example`, ip: "1.1.1.1", succeeded: false } });
        await enqueue(tx, processInboundDeliveryJob, { deliveryId: lost }, { singletonKey: lost });
        throw new Error("the use case fails after enqueueing");
      }),
    ).rejects.toThrow("the use case fails");
    expect(await jobsFor(lost)).toEqual([]);
    expect(await attemptsFor(`${lost}@x.example`)).toBe(0);

    const kept = randomUUID();
    const jobId = await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email: `${kept}@x.example`, ip: "1.1.1.1", succeeded: false } });

      return enqueue(tx, processInboundDeliveryJob, { deliveryId: kept }, { singletonKey: kept });
    });
    const jobs = await jobsFor(kept);
    expect(jobs.map((job) => job.id)).toEqual([jobId]);
    expect(jobs[0]).toMatchObject({ state: "created", data: { version: 1, payload: { deliveryId: kept } } });
    expect(await attemptsFor(`${kept}@x.example`)).toBe(1);
  });

  it("refuses a payload that does not match the job's schema, and the transaction with it", async () => {
    const email = `${randomUUID()}@x.example`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.loginAttempt.create({ data: { email, ip: "1.1.1.1", succeeded: false } });
        await enqueue(tx, pruneLoginAttemptsJob, { keepDays: -3 });
      }),
    ).rejects.toThrow(/keepDays|Too small/);
    expect(await attemptsFor(email)).toBe(0);
  });

  it("keeps one job per singleton key on an exclusive queue, and requires the key there", async () => {
    const id = randomUUID();
    const first = await db.$transaction((tx) =>
      enqueue(tx, processInboundDeliveryJob, { deliveryId: id }, { singletonKey: id }),
    );
    const second = await db.$transaction((tx) =>
      enqueue(tx, processInboundDeliveryJob, { deliveryId: id }, { singletonKey: id }),
    );
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await jobsFor(id)).toHaveLength(1);
    await expect(
      db.$transaction((tx) => enqueue(tx, processInboundDeliveryJob, { deliveryId: randomUUID() })),
    ).rejects.toThrow(/singletonKey/);
  });

  it("carries the correlation id of the request that enqueued it", async () => {
    const id = randomUUID();
    await runWithCorrelation("req-4f2a", () =>
      db.$transaction((tx) => enqueue(tx, processInboundDeliveryJob, { deliveryId: id }, { singletonKey: id })),
    );
    expect((await jobsFor(id))[0]?.data.correlationId).toBe("req-4f2a");
  });

  it("holds a job back until startAfter", async () => {
    const id = randomUUID();
    const later = new Date(Date.now() + 3_600_000);
    await db.$transaction((tx) =>
      enqueue(tx, processInboundDeliveryJob, { deliveryId: id }, { singletonKey: id, startAfter: later }),
    );
    const [row] = await raw.$queryRaw<
      { start_after: Date }[]
    >`SELECT start_after FROM pgboss.job WHERE data->'payload'->>'deliveryId' = ${id}`;
    expect(Math.abs(row!.start_after.getTime() - later.getTime())).toBeLessThan(1_000);
  });
});
