import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ApprovalTrail } from "@/components/orders/approval-trail";
import { InvoicesSection } from "@/components/orders/invoices-table";
import { OrderDecision } from "@/components/orders/order-decision";
import { OrderFacts } from "@/components/orders/order-facts";
import { OrderLinesTable } from "@/components/orders/order-lines-table";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { PlacedBanner } from "@/components/orders/placed-banner";
import { ReorderButton } from "@/components/orders/reorder-button";
import { ShipmentsErpChanges, ShipmentsSection } from "@/components/orders/shipments-section";
import { isAppError } from "@/lib/errors";
import { hasPermission } from "@/server/auth/permissions";
import { getSessionUser, requirePageUser } from "@/server/auth/session";
import { getOrderDetailOrThrow } from "@/server/orders/get-order-detail";
import { getOrderDeliveries } from "@/server/orders/get-order-deliveries";

export const metadata = { title: "Order" };

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orderId }, query, viewer] = await Promise.all([params, searchParams, getSessionUser()]);
  // Operators have no storefront view of an order: the order's link takes them to its timeline.
  if (viewer && hasPermission(viewer.role, "operations.read"))
    redirect(`/portal/operations/orders/${encodeURIComponent(orderId)}`);
  const user = await requirePageUser("orders.read-own");
  const order = await getOrderDetailOrThrow(user, orderId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  const deliveries = await getOrderDeliveries(user, order.id);

  return (
    <div className="space-y-6">
      {query.placed === "1" && order.isOwn && (
        <PlacedBanner reference={order.reference} status={order.status} email={user.email} />
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <Link href="/orders" className="text-sm text-brand-700 hover:underline">
            ← Orders
          </Link>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {order.status === "PLACED" || order.placedAt ? "Order" : "Approval request"} {order.reference}
            <OrderStatusBadge status={order.status} />
          </h1>
          {order.source === "SALES_REP" && <p className="text-slate-600">Placed by your sales representative.</p>}
        </div>
        {order.canReorder && <ReorderButton orderId={order.id} />}
      </div>
      <OrderDecision order={order} />
      <OrderFacts order={order} />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Lines</h2>
        <OrderLinesTable lines={order.lines} currency={order.currency} totals={order} />
      </section>
      {(order.status === "PLACED" || deliveries.shipments.length > 0) && (
        <ShipmentsSection shipments={deliveries.shipments} />
      )}
      <ShipmentsErpChanges changes={deliveries.erpChanges} />
      <InvoicesSection invoices={deliveries.invoices} />
      {order.approvalSteps.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">Approval</h2>
          <ApprovalTrail steps={order.approvalSteps} />
        </section>
      )}
    </div>
  );
}
