import Link from "next/link";
import { z } from "zod";
import { LiveRefresh } from "@/components/operations/live-refresh";
import { SyncRunTable } from "@/components/operations/sync-run-table";
import { PageHeader } from "@/components/portal/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/session";
import { searchSyncLog } from "@/server/operations/search-sync-log";

export const metadata = { title: "Sync log" };
export const dynamic = "force-dynamic";

const ZQuery = z.object({ q: z.string().trim().max(120).optional().catch(undefined) });

export default async function SyncLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("operations.read");
  const { q } = ZQuery.parse(await searchParams);
  const { orders, runs } = await searchSyncLog({ q });

  return (
    <>
      <PageHeader
        title="Sync log"
        description="Every sync and push, per record. Search by any id: order, organisation, PO number, TP-…, S0…, Medusa or Odoo id, correlation id."
        actions={<LiveRefresh renderedAt={new Date().toISOString()} />}
      />
      <form className="mb-4 flex gap-2" action="/portal/operations/sync-log">
        <input
          name="q"
          defaultValue={q}
          placeholder="PO-7781, S00042, TP-000123, order_01J…, correlation id …"
          className="h-9 w-[28rem] rounded-md border border-slate-300 px-3 text-sm"
          aria-label="Search the sync log"
        />
        <button className="h-9 rounded-md bg-brand-600 px-4 text-sm font-medium text-white">Search</button>
      </form>
      {orders.length > 0 && (
        <Card className="mb-4 divide-y divide-slate-100" aria-label="Matching orders">
          {orders.map((order) => (
            <div key={order.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <span className="font-medium">{order.reference}</span>
              <span className="text-slate-600">{order.organisationName}</span>
              {order.poNumber && <span className="text-slate-600">PO {order.poNumber}</span>}
              {order.odooOrderName && <span className="font-mono text-xs">{order.odooOrderName}</span>}
              <Badge
                tone={order.pushStatus === "FAILED" ? "danger" : order.pushStatus === "PUSHED" ? "success" : "neutral"}
              >
                push {order.pushStatus.toLowerCase()}
              </Badge>
              <Link
                className="ml-auto font-medium text-brand-700 underline"
                href={`/portal/operations/orders/${order.id}`}
              >
                Timeline
              </Link>
            </div>
          ))}
        </Card>
      )}
      <SyncRunTable runs={runs} />
    </>
  );
}
