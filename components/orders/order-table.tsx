import Link from "next/link";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { ORDER_SOURCE } from "@/lib/orders/order-status";
import { formatMoney } from "@/lib/pricing/units";
import type { TOrderListItem } from "@/server/orders/order-list-item";

/** A list of orders; `showBuyer` for the organisation's list, where orders are not all the reader's. */
export function OrderTable({ orders, showBuyer = false }: { orders: TOrderListItem[]; showBuyer?: boolean }) {
  return (
    <Table>
      <THead>
        <tr>
          <Th>Order</Th>
          <Th>Submitted</Th>
          {showBuyer && <Th>Buyer</Th>}
          <Th>PO number</Th>
          <Th>Status</Th>
          <Th>ERP reference</Th>
          <Th className="text-right">Lines</Th>
          <Th className="text-right">Total</Th>
        </tr>
      </THead>
      <TBody>
        {orders.map((order) => (
          <tr key={order.id} data-testid="order-row" className="hover:bg-slate-50">
            <Td className="whitespace-nowrap">
              <Link href={`/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                {order.reference}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(order.submittedAt)}</Td>
            {showBuyer && (
              <Td>
                {order.source === "SALES_REP" ? (
                  <span className="text-slate-500">{ORDER_SOURCE.SALES_REP}</span>
                ) : (
                  (order.buyerName ?? <span className="text-slate-500">Former member</span>)
                )}
              </Td>
            )}
            <Td className="font-mono text-xs">{order.poNumber ?? <span className="text-slate-500">—</span>}</Td>
            <Td>
              <OrderStatusBadge status={order.status} />
            </Td>
            <Td className="font-mono text-xs">{order.odooOrderName ?? <span className="text-slate-500">—</span>}</Td>
            <Td className="text-right tabular-nums">{order.lineCount}</Td>
            <Td className="whitespace-nowrap text-right font-medium tabular-nums text-slate-900">
              {formatMoney(order.totalMinor, order.currency)}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
