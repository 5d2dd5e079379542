import "server-only";
import { db } from "@/server/db";
import { reconcileOdooJob } from "@/server/jobs/definitions/reconcile-odoo";
import { enqueue } from "@/server/jobs/enqueue";
import { CATALOG_IMPORT_CURSOR } from "@/server/catalog/get-catalog-import-status";

/**
 * Queues one pass of the catalogue import (the products' reconciliation) to run now. The
 * reconcile queue is exclusive under one key: while a pass waits or runs nothing is added,
 * and `queued` is false — that pass reads the same changes.
 */
export async function requestCatalogImport(): Promise<{ queued: boolean }> {
  const jobId = await db.$transaction((tx) =>
    enqueue(tx, reconcileOdooJob, { models: [CATALOG_IMPORT_CURSOR] }, { singletonKey: reconcileOdooJob.name }),
  );

  return { queued: jobId !== null };
}
