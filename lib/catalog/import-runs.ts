// The catalogue import's runs as an operator reads them, from the sync log's per-product rows:
// rows of one job (one correlation id) form one run.

export type TImportLogRow = {
  id: string;
  outcome: "CHANGED" | "UNCHANGED" | "SKIPPED" | "FAILED";
  trigger: string;
  externalId: string | null;
  summary: string | null;
  error: string | null;
  detail: unknown;
  startedAt: Date;
  correlationId: string | null;
};

export type TImportRun = {
  key: string;
  trigger: string;
  startedAt: Date;
  lastAt: Date;
  read: number;
  created: number;
  updated: number;
  archived: number;
  restored: number;
  unchanged: number;
  skipped: number;
  failed: number;
  errors: { odooId: string | null; sku: string | null; error: string }[];
};

const COUNTED = ["created", "updated", "archived", "restored", "unchanged", "skipped"] as const;

function actionOf(row: TImportLogRow): (typeof COUNTED)[number] | "failed" {
  if (row.outcome === "FAILED") return "failed";
  const action = (row.detail as { action?: unknown } | null)?.action;

  return COUNTED.find((name) => name === action) ?? (row.outcome === "SKIPPED" ? "skipped" : "unchanged");
}

/** The SKU a failure names: the import prefixes its errors with it ("SKU: reason"). */
function skuOf(row: TImportLogRow): string | null {
  const fromDetail = (row.detail as { sku?: unknown } | null)?.sku;
  if (typeof fromDetail === "string") return fromDetail;
  const prefix = /^([^\s:]{1,80}): /.exec(row.error ?? "");

  return prefix?.[1] ?? null;
}

/** Runs, newest first, at most `limit`; `rows` in any order. */
export function groupImportRuns(rows: TImportLogRow[], limit = 10): TImportRun[] {
  const runs = new Map<string, TImportRun>();
  for (const row of [...rows].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())) {
    const key = row.correlationId ?? row.id;
    const run = runs.get(key) ?? {
      key,
      trigger: row.trigger,
      startedAt: row.startedAt,
      lastAt: row.startedAt,
      read: 0,
      created: 0,
      updated: 0,
      archived: 0,
      restored: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      errors: [],
    };
    const action = actionOf(row);
    run.read += 1;
    run[action] += 1;
    run.lastAt = row.startedAt;
    if (action === "failed")
      run.errors.push({ odooId: row.externalId, sku: skuOf(row), error: row.error ?? row.summary ?? "failed" });
    runs.set(key, run);
  }

  return [...runs.values()].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime()).slice(0, limit);
}
