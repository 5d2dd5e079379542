import Link from "next/link";
import { OrderTable } from "@/components/orders/order-table";
import { Pagination } from "@/components/shared/pagination";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findOwnOrders } from "@/server/orders/find-own-orders";

export const metadata = { title: "Your orders" };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("orders.read-own");
  const pageParam = Number((await searchParams).page);
  const page = await findOwnOrders(user, { page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1 });
  const seesOrganisation = hasPermission(user.role, "orders.read-own-organisation");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Your orders</h1>
          <p className="text-slate-600">
            Orders and approval requests you submitted for {user.organisationName ?? "your organisation"}, newest first.
          </p>
        </div>
        {seesOrganisation && (
          <Link href="/orders/organisation" className="text-sm font-medium text-brand-700 hover:underline">
            All orders of {user.organisationName ?? "your organisation"} →
          </Link>
        )}
      </div>
      {page.orders.length ? (
        <OrderTable orders={page.orders} />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          You have not ordered anything yet.{" "}
          <Link href="/catalog" className="font-medium text-brand-700 underline">
            Browse the catalogue
          </Link>
          .
        </p>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} params={{}} />
    </div>
  );
}
