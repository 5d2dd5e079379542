import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { pruneIntegrationHistory } from "@/server/maintenance/prune-integration-history";

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

async function delivery(status: "ACCEPTED" | "PROCESSED" | "REJECTED" | "DUPLICATE" | "FAILED", receivedAt: Date) {
  const row = await db.inboundDelivery.create({
    data: { source: "odoo", status, receivedAt, correlationId: randomUUID(), body: "{}" },
  });

  return row.id;
}

async function syncRun(startedAt: Date) {
  const row = await db.syncRun.create({
    data: { kind: "odoo.partner.sync", trigger: "test", outcome: "CHANGED", startedAt, durationMs: 3 },
  });

  return row.id;
}

describe("pruning the inbox and the sync log (defaults: 30 and 90 days)", () => {
  it("deletes what is past retention, keeps unprocessed deliveries and runs a drift finding names, and is idempotent", async () => {
    const old = {
      processed: await delivery("PROCESSED", daysAgo(31)),
      rejected: await delivery("REJECTED", daysAgo(45)),
      duplicate: await delivery("DUPLICATE", daysAgo(31)),
      failed: await delivery("FAILED", daysAgo(60)),
      stillWaiting: await delivery("ACCEPTED", daysAgo(40)),
    };
    const recent = await delivery("PROCESSED", daysAgo(29));
    const oldRun = await syncRun(daysAgo(91));
    const oldRunWithFinding = await syncRun(daysAgo(120));
    await db.driftFinding.create({
      data: { runId: oldRunWithFinding, model: "res.partner", odooId: 7, field: "name", cached: "a", actual: "b" },
    });
    const recentRun = await syncRun(daysAgo(89));

    const first = await pruneIntegrationHistory();
    expect(first.deliveries).toBeGreaterThanOrEqual(4);
    expect(first.syncRuns).toBeGreaterThanOrEqual(1);

    const deliveriesLeft = await db.inboundDelivery.findMany({
      where: { id: { in: [...Object.values(old), recent] } },
      select: { id: true },
    });
    expect(deliveriesLeft.map((row) => row.id).sort()).toEqual([old.stillWaiting, recent].sort());
    const runsLeft = await db.syncRun.findMany({
      where: { id: { in: [oldRun, oldRunWithFinding, recentRun] } },
      select: { id: true },
    });
    expect(runsLeft.map((row) => row.id).sort()).toEqual([oldRunWithFinding, recentRun].sort());

    expect(await pruneIntegrationHistory()).toEqual({ deliveries: 0, syncRuns: 0 });
  });

  it("deletes a backlog larger than one batch", async () => {
    const receivedAt = daysAgo(35);
    await db.inboundDelivery.createMany({
      data: Array.from({ length: 12_000 }, () => ({
        source: "odoo",
        status: "PROCESSED" as const,
        receivedAt,
        correlationId: "backlog",
        body: "{}",
      })),
    });

    expect((await pruneIntegrationHistory()).deliveries).toBeGreaterThanOrEqual(12_000);
    expect(await db.inboundDelivery.count({ where: { correlationId: "backlog" } })).toBe(0);
  });
});
