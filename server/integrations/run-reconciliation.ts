import "server-only";
import type { ExternalSystem } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { isRetryable } from "@/server/jobs/run-job";
import { withSyncRun, type TSyncResult } from "@/server/integrations/record-sync-run";
import { INITIAL_CURSOR, type TChangeCursor, type TChangedPage } from "@/server/odoo/changed-since";

/** How one model is reconciled: where its cursor lives, how a page of changes is read, how one record is synced. */
export type TReconciler<T extends { id: number }> = {
  /** The SyncCursor row, e.g. "odoo.res.partner". */
  name: string;
  /** The sync log's kind for each record, e.g. "odoo.partner.sync". */
  kind: string;
  system: ExternalSystem;
  fetchPage: (cursor: TChangeCursor) => Promise<TChangedPage<T>>;
  /** The same idempotent sync the webhook path uses; it re-reads nothing the page did not give it. */
  sync: (record: T) => Promise<TSyncResult>;
};

export type TReconcileOutcome = { read: number; changed: number; unchanged: number; failed: number; pages: number };

const MAX_PAGES_PER_RUN = 50;

async function loadCursor(name: string): Promise<TChangeCursor> {
  const row = await db.syncCursor.findUnique({ where: { name } });

  return row ? { writeDate: row.writeDate, seenIds: row.seenIds } : INITIAL_CURSOR;
}

async function saveCursor(name: string, cursor: TChangeCursor, run: { ok: boolean; summary: string }) {
  const data = {
    writeDate: cursor.writeDate,
    seenIds: cursor.seenIds,
    lastRunAt: new Date(),
    lastRunOk: run.ok,
    lastRunSummary: run.summary.slice(0, 500),
  };
  await db.syncCursor.upsert({ where: { name }, create: { name, ...data }, update: data });
}

/**
 * One reconciliation pass of a model: reads what changed in the other system since the
 * stored cursor (whole-second write_date semantics, see server/odoo/changed-since.ts), page by
 * page, and runs each record through the same idempotent sync as its webhook, each in the sync
 * log. The cursor is saved after every page. A record that fails permanently is logged and
 * passed (the drift report will show it); a retryable failure (the other system down) stops
 * the pass with the cursor before that page, and is re-thrown, so nothing is skipped.
 * Callers run one pass per model at a time (the reconcile job is exclusive).
 */
export async function runReconciliation<T extends { id: number }>(
  reconciler: TReconciler<T>,
): Promise<TReconcileOutcome> {
  const outcome: TReconcileOutcome = { read: 0, changed: 0, unchanged: 0, failed: 0, pages: 0 };
  const summary = () =>
    `${outcome.read} read, ${outcome.changed} changed, ${outcome.failed} failed in ${outcome.pages} page(s)`;
  let cursor = await loadCursor(reconciler.name);
  try {
    for (let more = true; more && outcome.pages < MAX_PAGES_PER_RUN;) {
      const page = await reconciler.fetchPage(cursor);
      for (const record of page.records) {
        outcome.read += 1;
        try {
          const subject = {
            kind: reconciler.kind,
            trigger: "reconcile",
            system: reconciler.system,
            externalId: String(record.id),
          };
          const result = await withSyncRun(subject, () => reconciler.sync(record));
          if (result.outcome === "CHANGED") outcome.changed += 1;
          else outcome.unchanged += 1;
        } catch (error) {
          if (isRetryable(error)) throw error;
          outcome.failed += 1;
        }
      }
      outcome.pages += 1;
      cursor = page.cursor;
      more = page.hasMore;
      await saveCursor(reconciler.name, cursor, { ok: outcome.failed === 0, summary: summary() });
    }
  } catch (error) {
    await saveCursor(reconciler.name, cursor, {
      ok: false,
      summary: `${summary()}; stopped: ${error instanceof Error ? error.message : String(error)}`,
    });
    throw error;
  }

  return outcome;
}
