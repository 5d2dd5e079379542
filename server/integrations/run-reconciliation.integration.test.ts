// A reconciliation pass against a scripted source: every page synced in order with the cursor
// saved after each; a permanent failure of one record is logged and passed; a retryable one
// stops the pass before its page, so the next pass reads that page again and nothing is lost.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/support/db";
import { AppError } from "@/lib/errors";
import { runReconciliation, type TReconciler } from "@/server/integrations/run-reconciliation";
import type { TChangeCursor } from "@/server/odoo/changed-since";

const raw = testDb();
afterAll(() => raw.$disconnect());

type TRecord = { id: number; writeDate: Date | null };
const second = (n: number) => `2026-12-03 10:00:0${n}`;

/** Three pages of two records, one second per page; `fail` decides per record id. */
function scripted(name: string, fail: (id: number) => Error | null = () => null) {
  const synced: number[] = [];
  const pages: { records: TRecord[]; cursor: TChangeCursor }[] = [1, 2, 3].map((page) => ({
    records: [page * 10 + 1, page * 10 + 2].map((id) => ({ id, writeDate: null })),
    cursor: { writeDate: second(page), seenIds: [page * 10 + 1, page * 10 + 2] },
  }));
  const reconciler: TReconciler<TRecord> = {
    name,
    kind: "test.sync",
    system: "ODOO",
    fetchPage: async (cursor) => {
      const index = cursor.writeDate ? pages.findIndex((page) => page.cursor.writeDate === cursor.writeDate) + 1 : 0;
      const page = pages[index] ?? { records: [], cursor };

      return { ...page, hasMore: index < pages.length - 1 };
    },
    sync: async (record) => {
      const error = fail(record.id);
      if (error) throw error;
      synced.push(record.id);

      return { outcome: record.id % 2 ? "CHANGED" : "UNCHANGED" };
    },
  };

  return { reconciler, synced };
}

describe("runReconciliation", () => {
  it("syncs every page in order, saves the cursor, and a second pass reads nothing new", async () => {
    const name = `test.${randomUUID()}`;
    const { reconciler, synced } = scripted(name);
    expect(await runReconciliation(reconciler)).toEqual({ read: 6, changed: 3, unchanged: 3, failed: 0, pages: 3 });
    expect(synced).toEqual([11, 12, 21, 22, 31, 32]);
    expect(await raw.syncCursor.findUniqueOrThrow({ where: { name } })).toMatchObject({
      writeDate: second(3),
      seenIds: [31, 32],
      lastRunOk: true,
    });
    expect(
      await raw.syncRun.count({ where: { kind: "test.sync", trigger: "reconcile", externalId: "21" } }),
    ).toBeGreaterThanOrEqual(1);

    expect(await runReconciliation(reconciler)).toMatchObject({ read: 0, pages: 1 });
  });

  it("logs a permanent failure and moves on", async () => {
    const name = `test.${randomUUID()}`;
    const { reconciler, synced } = scripted(name, (id) =>
      id === 21 ? new AppError("INVALID_STATE", "Partner 21 has no ref") : null,
    );
    expect(await runReconciliation(reconciler)).toMatchObject({ read: 6, failed: 1 });
    expect(synced).toEqual([11, 12, 22, 31, 32]);
    expect(
      await raw.syncRun.findFirst({ where: { kind: "test.sync", externalId: "21", outcome: "FAILED" } }),
    ).toMatchObject({ error: "Partner 21 has no ref" });
    expect((await raw.syncCursor.findUniqueOrThrow({ where: { name } })).lastRunOk).toBe(false);
  });

  it("stops before the page of a retryable failure, and the next pass picks it up again", async () => {
    const name = `test.${randomUUID()}`;
    let down = true;
    const { reconciler, synced } = scripted(name, (id) =>
      down && id === 22 ? new AppError("UPSTREAM_FAILED", "Odoo could not be reached") : null,
    );
    await expect(runReconciliation(reconciler)).rejects.toThrow("Odoo could not be reached");
    expect(await raw.syncCursor.findUniqueOrThrow({ where: { name } })).toMatchObject({
      writeDate: second(1),
      lastRunOk: false,
      lastRunSummary: expect.stringContaining("stopped: Odoo could not be reached"),
    });
    down = false;
    await runReconciliation(reconciler);
    expect(synced).toEqual([11, 12, 21, 21, 22, 31, 32]); // page 2 again: 21 twice is fine, the syncs are idempotent
  });
});
