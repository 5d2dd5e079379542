import { describe, expect, it } from "vitest";
import { groupImportRuns, type TImportLogRow } from "@/lib/catalog/import-runs";

let n = 0;
const row = (correlationId: string | null, minute: number, values: Partial<TImportLogRow>): TImportLogRow => ({
  id: `r${++n}`,
  outcome: "CHANGED",
  trigger: "reconcile",
  externalId: "7",
  summary: null,
  error: null,
  detail: null,
  startedAt: new Date(Date.UTC(2026, 11, 3, 10, minute)),
  correlationId,
  ...values,
});

describe("groupImportRuns", () => {
  it("counts each run's products by what happened, newest run first, with the failures' SKUs", () => {
    const runs = groupImportRuns([
      row("job:1", 1, { detail: { sku: "A", action: "created" } }),
      row("job:1", 2, { detail: { sku: "B", action: "archived" } }),
      row("job:1", 2, { outcome: "UNCHANGED", detail: { sku: "C", action: "unchanged" } }),
      row("job:1", 3, {
        outcome: "FAILED",
        externalId: "9",
        error: "CH-9: Medusa refused admin.product.create: handle taken",
      }),
      row("job:2", 5, { outcome: "SKIPPED", detail: { sku: null, action: "skipped" } }),
      row(null, 4, { trigger: "webhook", detail: { sku: "A", action: "updated" } }),
    ]);

    expect(runs.map((run) => run.key)).toEqual(["job:2", expect.stringMatching(/^r/), "job:1"]);
    expect(runs[2]).toMatchObject({ read: 4, created: 1, archived: 1, unchanged: 1, failed: 1, updated: 0 });
    expect(runs[2]!.errors).toEqual([
      { odooId: "9", sku: "CH-9", error: "CH-9: Medusa refused admin.product.create: handle taken" },
    ]);
    expect(runs[1]).toMatchObject({ trigger: "webhook", read: 1, updated: 1 });
    expect(runs[0]).toMatchObject({ read: 1, skipped: 1 });
  });

  it("keeps only the newest runs", () => {
    const rows = Array.from({ length: 15 }, (_, index) => row(`job:${index}`, index, {}));
    expect(groupImportRuns(rows, 3).map((run) => run.key)).toEqual(["job:14", "job:13", "job:12"]);
  });
});
