import type { ReactNode } from "react";
import { formatDay } from "@/components/orders/format-order";
import { formatDateTime } from "@/lib/format";
import { erpReferenceText, ORDER_SOURCE } from "@/lib/orders/order-status";
import type { TOrderDetail } from "@/server/orders/get-order-detail";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-500">—</span>;

/** Who ordered what, when, and where it goes: the facts of an order beside its lines. */
export function OrderFacts({ order }: { order: TOrderDetail }) {
  const erp = erpReferenceText(order);

  return (
    <dl className="grid gap-5 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2 lg:grid-cols-4">
      <Fact label="Ordered by">
        {order.source === "SALES_REP" ? ORDER_SOURCE.SALES_REP : (order.buyer?.name ?? "A former member")}
        {order.buyer && <span className="block text-xs text-slate-500">{order.buyer.email}</span>}
      </Fact>
      <Fact label="Submitted">{formatDateTime(order.submittedAt)}</Fact>
      <Fact label="PO number">{order.poNumber ?? none}</Fact>
      <Fact label="ERP">
        <span data-testid="erp-reference">{erp ?? none}</span>
      </Fact>
      <Fact label="Delivery address">
        {order.address.length ? (
          <address className="not-italic">
            {order.address.map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </address>
        ) : (
          none
        )}
      </Fact>
      <Fact label="Shipping method">{order.carrierName ?? none}</Fact>
      <Fact label="Requested delivery">{formatDay(order.requestedDeliveryDate)}</Fact>
      <Fact label="Payment terms">{order.paymentTermName ?? none}</Fact>
      {order.notes && (
        <div className="sm:col-span-2 lg:col-span-4">
          <Fact label="Notes">
            <p className="whitespace-pre-line">{order.notes}</p>
          </Fact>
        </div>
      )}
    </dl>
  );
}
