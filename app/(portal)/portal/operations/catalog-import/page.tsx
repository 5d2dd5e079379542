import { PageHeader } from "@/components/portal/page-header";
import { ImportRunsTable } from "@/components/portal/operations/import-runs-table";
import { RunCatalogImportButton, SetupOdooWebhooksButton } from "@/components/portal/operations/operations-buttons";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { getCatalogImportStatus } from "@/server/catalog/get-catalog-import-status";

export const metadata = { title: "Catalogue import" };
export const dynamic = "force-dynamic";

export default async function CatalogImportPage() {
  const user = await requirePageUser("operations.read");
  const { cursor, runs, linkedVariants } = await getCatalogImportStatus();
  const canRun = hasPermission(user.role, "operations.replay");

  return (
    <>
      <PageHeader
        title="Catalogue import"
        description="Odoo's saleable products in the store, by SKU: created, updated, unpublished when Odoo withdraws them."
        actions={
          canRun && (
            <div className="flex gap-2">
              <SetupOdooWebhooksButton />
              <RunCatalogImportButton />
            </div>
          )
        }
      />
      <Card className="mb-6 grid gap-4 p-4 text-sm sm:grid-cols-3">
        <div>
          <div className="text-slate-500">Odoo changes read up to</div>
          <div className="font-medium">{cursor?.writeDate ? `${cursor.writeDate} UTC` : "not started"}</div>
        </div>
        <div>
          <div className="text-slate-500">Last pass</div>
          <div className="font-medium">
            {cursor?.lastRunAt ? formatDateTime(cursor.lastRunAt) : "never"}
            {cursor?.lastRunOk === false && <span className="text-red-700"> — stopped</span>}
          </div>
          {cursor?.lastRunSummary && <div className="text-slate-600">{cursor.lastRunSummary}</div>}
        </div>
        <div>
          <div className="text-slate-500">Odoo products linked</div>
          <div className="font-medium">{linkedVariants}</div>
        </div>
      </Card>
      <ImportRunsTable runs={runs} />
    </>
  );
}
