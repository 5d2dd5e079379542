import { z } from "zod";
import { InboxTable } from "@/components/operations/inbox-table";
import { LiveRefresh } from "@/components/operations/live-refresh";
import { PageHeader } from "@/components/portal/page-header";
import { Pagination } from "@/components/shared/pagination";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findInboundDeliveries } from "@/server/operations/find-inbound-deliveries";

export const metadata = { title: "Webhook inbox" };
export const dynamic = "force-dynamic";

const STATUSES = ["ACCEPTED", "PROCESSED", "DUPLICATE", "REJECTED", "FAILED"] as const;
const ZQuery = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  source: z.string().trim().max(40).optional().catch(undefined),
  q: z.string().trim().max(120).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("operations.read");
  const query = ZQuery.parse(await searchParams);
  const result = await findInboundDeliveries({ ...query, source: query.source || undefined, q: query.q || undefined });
  const field = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

  return (
    <>
      <PageHeader
        title="Webhook inbox"
        description={`${result.total} deliveries: every webhook is recorded before it is answered, refused ones with the reason.`}
        actions={<LiveRefresh renderedAt={new Date().toISOString()} />}
      />
      <form className="mb-4 flex flex-wrap gap-2" action="/portal/operations/inbox">
        <select name="status" defaultValue={query.status ?? ""} className={field} aria-label="Status">
          <option value="">All statuses</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.toLowerCase()}
            </option>
          ))}
        </select>
        <input
          name="source"
          defaultValue={query.source}
          placeholder="Source (odoo, strapi)"
          className={`${field} w-44`}
          aria-label="Source"
        />
        <input
          name="q"
          defaultValue={query.q}
          placeholder="Record id, delivery id or correlation id"
          className={`${field} w-80`}
          aria-label="Search deliveries"
        />
        <button className="h-9 rounded-md bg-brand-600 px-4 text-sm font-medium text-white">Filter</button>
      </form>
      <InboxTable rows={result.rows} canAct={hasPermission(user.role, "operations.replay")} />
      <div className="mt-4">
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          params={{ status: query.status, source: query.source, q: query.q }}
        />
      </div>
    </>
  );
}
