import "server-only";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";

const DAY_MS = 86_400_000;
// Deleted a batch at a time: one statement over a month of webhooks would hold its locks and
// write its WAL in one go, beside the receiver's inserts.
const BATCH = 5_000;

/**
 * Deletes webhook deliveries older than OPERATIONS_INBOX_RETENTION_DAYS and sync-log runs older
 * than OPERATIONS_SYNC_LOG_RETENTION_DAYS, so that neither table grows without bound. Kept
 * whatever their age: deliveries still ACCEPTED (their work has not run: an operator must see
 * them) and runs a drift finding names (the drift report links to them). Idempotent: a second
 * run deletes nothing.
 */
export async function pruneIntegrationHistory(now = new Date()): Promise<{ deliveries: number; syncRuns: number }> {
  const env = getEnv();
  const inboxCutoff = new Date(now.getTime() - env.OPERATIONS_INBOX_RETENTION_DAYS * DAY_MS);
  const syncLogCutoff = new Date(now.getTime() - env.OPERATIONS_SYNC_LOG_RETENTION_DAYS * DAY_MS);

  const deliveries = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "InboundDelivery" WHERE id IN (
        SELECT id FROM "InboundDelivery"
        WHERE "receivedAt" < ${inboxCutoff} AND status <> 'ACCEPTED'
        LIMIT ${BATCH})`,
  );
  const syncRuns = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "SyncRun" WHERE id IN (
        SELECT run.id FROM "SyncRun" run
        WHERE run."startedAt" < ${syncLogCutoff}
          AND NOT EXISTS (SELECT 1 FROM "DriftFinding" finding WHERE finding."runId" = run.id)
        LIMIT ${BATCH})`,
  );

  return { deliveries, syncRuns };
}

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
