import Link from "next/link";
import { OrderFilters } from "@/components/orders/order-filters";
import { OrderTable } from "@/components/orders/order-table";
import { Pagination } from "@/components/shared/pagination";
import { orderFilterParams, readOrderFilters } from "@/lib/orders/order-filters";
import { requirePageUser } from "@/server/auth/session";
import { findOrganisationOrders } from "@/server/orders/find-organisation-orders";

export const metadata = { title: "Organisation orders" };

export default async function OrganisationOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("orders.read-own-organisation");
  const { filters, fieldErrors } = readOrderFilters(await searchParams);
  const result = await findOrganisationOrders(user, filters);
  const params = orderFilterParams(filters);
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
  const filtered = query.size > 0;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/orders" className="text-sm text-brand-700 hover:underline">
          ← Your orders
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Orders of {user.organisationName}</h1>
        <p className="text-slate-600">
          Every order and approval request of the organisation, including those placed by your sales representative.{" "}
          {result.total} {filtered ? "match" : "in all"}.
        </p>
      </div>
      <OrderFilters
        filters={filters}
        fieldErrors={fieldErrors}
        buyers={result.buyers}
        timeZone={result.timeZone}
        exportHref={`/orders/export${filtered ? `?${query}` : ""}`}
      />
      {result.orders.length ? (
        <OrderTable orders={result.orders} showBuyer />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          {filtered ? "No orders match these filters." : "Nobody in the organisation has ordered yet."}
        </p>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} params={params} />
    </div>
  );
}
