import { formatDateTime } from "@/lib/format";
import { ORDER_STATUS } from "@/lib/orders/order-status";
import type { TOrderDetail } from "@/server/orders/get-order-detail";

// Checkout writes a returned request's differences as "Returned at approval: <change>; <change>"
// (server/checkout/place-approved-order.ts); anything else is shown as one line.
function returnedChanges(reason: string): string[] {
  const prefix = "Returned at approval: ";

  return reason.startsWith(prefix) ? reason.slice(prefix.length).split("; ") : [reason];
}

/** What the status means for the reader now: pending until when, why rejected or returned. */
export function OrderDecision({ order }: { order: TOrderDetail }) {
  if (order.status === "PLACED") return null;
  const tone =
    order.status === "REJECTED"
      ? "border-red-200 bg-red-50 text-red-900"
      : order.status === "PENDING_APPROVAL" || order.status === "RETURNED"
        ? "border-amber-200 bg-amber-50 text-amber-900"
        : "border-slate-200 bg-slate-50 text-slate-800";

  return (
    <div className={`space-y-1 rounded-xl border px-5 py-4 text-sm ${tone}`} data-testid="order-decision">
      <p>{ORDER_STATUS[order.status].explanation}</p>
      {order.status === "PENDING_APPROVAL" && order.approvalExpiresAt && (
        <p>The request expires on {formatDateTime(order.approvalExpiresAt)} if nobody decides.</p>
      )}
      {order.status === "EXPIRED" && order.approvalExpiresAt && (
        <p>It expired on {formatDateTime(order.approvalExpiresAt)}.</p>
      )}
      {order.status === "RETURNED" && order.decisionReason ? (
        <div>
          <p className="font-medium">What changed:</p>
          <ul className="list-disc pl-5" data-testid="returned-changes">
            {returnedChanges(order.decisionReason).map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </div>
      ) : (
        order.decisionReason && (
          <p>
            <span className="font-medium">Reason:</span> {order.decisionReason}
          </p>
        )
      )}
      {order.cancelledAt && <p>Cancelled on {formatDateTime(order.cancelledAt)}.</p>}
    </div>
  );
}
