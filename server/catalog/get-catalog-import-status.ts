import "server-only";
import { groupImportRuns, type TImportLogRow } from "@/lib/catalog/import-runs";
import { db } from "@/server/db";

export const CATALOG_IMPORT_CURSOR = "odoo.product.product";
export const CATALOG_IMPORT_KIND = "odoo.product.sync";
const ROWS_READ = 2_000;

/**
 * The catalogue import as the operations page shows it: the reconciliation cursor (how far
 * Odoo's changes have been read) and the latest runs from the sync log. For staff; reads only.
 */
export async function getCatalogImportStatus() {
  const [cursor, rows, linkedVariants] = await Promise.all([
    db.syncCursor.findUnique({ where: { name: CATALOG_IMPORT_CURSOR } }),
    db.syncRun.findMany({
      where: { kind: CATALOG_IMPORT_KIND },
      orderBy: { startedAt: "desc" },
      take: ROWS_READ,
      select: {
        id: true,
        outcome: true,
        trigger: true,
        externalId: true,
        summary: true,
        error: true,
        detail: true,
        startedAt: true,
        correlationId: true,
      },
    }),
    db.externalLink.count({ where: { system: "ODOO", entityType: "variant" } }),
  ]);

  return { cursor, runs: groupImportRuns(rows satisfies TImportLogRow[]), linkedVariants };
}
