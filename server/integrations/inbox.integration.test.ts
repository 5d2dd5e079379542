// The inbox: every delivery recorded before it is acknowledged (rejected ones with their reason,
// duplicates pointing at the original), headers without credentials, exactly one processing job
// per distinct delivery even when identical ones arrive at once; processing is idempotent, in
// the sync log, and says on the row what happened.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/support/db";
import { AppError } from "@/lib/errors";
import { processInboundDelivery } from "@/server/integrations/process-inbound-delivery";
import { bodyDedupeKey, recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";
import { stopSender } from "@/server/jobs/enqueue";
import { runWithCorrelation } from "@/server/logger";

const raw = testDb();
// The first accepted delivery installs pg-boss's schema (as the app's first enqueue does).
beforeAll(() => accepted(`{"warm":"${randomUUID()}"}`));
afterAll(async () => {
  await stopSender();
  await raw.$disconnect();
});

const headers = {
  "content-type": "application/json",
  "user-agent": "python-requests/2.32.3",
  authorization: "Bearer s3cret",
};
const jobsOf = (deliveryId: string) =>
  raw.$queryRaw<
    { id: string }[]
  >`SELECT id FROM pgboss.job WHERE name = 'integrations.process-inbound-delivery' AND data->'payload'->>'deliveryId' = ${deliveryId}`;
const accepted = (body: string, dedupeKey = bodyDedupeKey(body)) =>
  recordInboundDelivery({
    source: "odoo",
    headers,
    body,
    subject: { type: "res.partner", id: "7" },
    verdict: "accepted",
    dedupeKey,
    dedupeWindowSeconds: 600,
  });
const context = (attempt = 0) => ({ jobId: randomUUID(), attempt, correlationId: "c" });

describe("recording deliveries", () => {
  it("keeps a rejected delivery with its reason and causes nothing", async () => {
    const body = `{"_model":"res.partner","id":${Date.now()}}`;
    const row = await runWithCorrelation("req-rej", () =>
      recordInboundDelivery({ source: "odoo", headers, body, verdict: "rejected", reason: "Unknown token." }),
    );
    const stored = await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({
      status: "REJECTED",
      reason: "Unknown token.",
      body,
      jobId: null,
      correlationId: "req-rej",
    });
    expect(stored.headers).toEqual({
      "content-type": "application/json",
      "user-agent": "python-requests/2.32.3",
      authorization: "[redacted]",
    });
    expect(await jobsOf(row.id)).toEqual([]);
  });

  it("accepts a new delivery with its processing job in the same transaction", async () => {
    const row = await accepted(`{"id":${Date.now()},"x":1}`);
    expect(row.status).toBe("ACCEPTED");
    expect((await jobsOf(row.id)).map((job) => job.id)).toEqual([row.jobId]);
  });

  it("processes one of 20 identical deliveries arriving at once; the others are duplicates of it", async () => {
    const body = `{"_id":9,"_model":"res.partner","id":9,"write_date":"${randomUUID()}"}`;
    const rows = await Promise.all(Array.from({ length: 20 }, () => accepted(body)));
    const original = rows.filter((row) => row.status === "ACCEPTED");
    expect(original).toHaveLength(1);
    expect(rows.filter((row) => row.status === "DUPLICATE").every((row) => row.duplicateOfId === original[0]!.id)).toBe(
      true,
    );
    expect(await raw.inboundDelivery.count({ where: { dedupeKey: bodyDedupeKey(body) } })).toBe(20);
    const jobs = await raw.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE data->'payload'->>'deliveryId' = ANY(${rows.map((row) => row.id)})`;
    expect(Number(jobs[0]!.n)).toBe(1);
  });

  it("accepts the same key again once the window has passed", async () => {
    const key = `k-${randomUUID()}`;
    const first = await accepted("{}", key);
    await raw.inboundDelivery.update({
      where: { id: first.id },
      data: { receivedAt: new Date(Date.now() - 3_600_000) },
    });
    expect((await accepted("{}", key)).status).toBe("ACCEPTED");
  });
});

describe("processing a delivery", () => {
  it("marks a subject nobody handles as processed, saying so, and logs the run as skipped", async () => {
    const row = await accepted(`{"n":"${randomUUID()}"}`);
    expect(await processInboundDelivery({ deliveryId: row.id }, context(), {})).toEqual({ status: "skipped" });
    expect(await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "PROCESSED",
      reason: expect.stringContaining("does not process odoo res.partner"),
    });
    expect(
      await raw.syncRun.findFirst({ where: { kind: "odoo.res.partner.inbound", outcome: "SKIPPED" } }),
    ).not.toBeNull();
  });

  it("runs the processor once: a second run of the same job changes nothing", async () => {
    const row = await accepted(`{"n":"${randomUUID()}"}`);
    let calls = 0;
    const processors = {
      odoo: {
        "res.partner": async () => ((calls += 1), { outcome: "CHANGED" as const, summary: "Partner 7 updated" }),
      },
    };
    await processInboundDelivery({ deliveryId: row.id }, context(), processors);
    expect(await processInboundDelivery({ deliveryId: row.id }, context(), processors)).toEqual({
      status: "already processed",
    });
    expect(calls).toBe(1);
    const stored = await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ status: "PROCESSED", reason: "Partner 7 updated" });
    expect(stored.processedAt).toBeInstanceOf(Date);
  });

  it("keeps a delivery accepted with the reason while its system is down, and fails it after the last attempt", async () => {
    const row = await accepted(`{"n":"${randomUUID()}"}`);
    const down = {
      odoo: { "res.partner": async () => Promise.reject(new AppError("UPSTREAM_FAILED", "Odoo could not be reached")) },
    };
    await expect(processInboundDelivery({ deliveryId: row.id }, context(0), down)).rejects.toThrow(
      "Odoo could not be reached",
    );
    expect(await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "ACCEPTED",
      reason: "Attempt 1 failed, will retry: Odoo could not be reached",
    });
    await expect(processInboundDelivery({ deliveryId: row.id }, context(8), down)).rejects.toThrow();
    expect(await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "FAILED",
      reason: "Odoo could not be reached",
    });
    expect(
      await raw.syncRun.count({
        where: { kind: "odoo.res.partner.inbound", outcome: "FAILED", error: "Odoo could not be reached" },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("fails a delivery at once on a permanent error", async () => {
    const row = await accepted(`{"n":"${randomUUID()}"}`);
    const invalid = {
      odoo: { "res.partner": async () => Promise.reject(new AppError("INVALID_STATE", "Partner 7 has no ref")) },
    };
    await expect(processInboundDelivery({ deliveryId: row.id }, context(0), invalid)).rejects.toThrow();
    expect(await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "FAILED",
      reason: "Partner 7 has no ref",
    });
  });
});
