import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatMoney } from "@/lib/pricing/units";
import type { TInvoiceView } from "@/server/orders/get-order-deliveries";

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const day = (date: Date | null) => (date ? DAY.format(date) : "—");

const PAYMENT: Record<string, { label: string; tone: "neutral" | "success" | "warning" | "danger" }> = {
  not_paid: { label: "Open", tone: "warning" },
  partial: { label: "Partly paid", tone: "warning" },
  in_payment: { label: "Payment on its way", tone: "neutral" },
  paid: { label: "Paid", tone: "success" },
  reversed: { label: "Reversed", tone: "neutral" },
  blocked: { label: "On hold", tone: "danger" },
};

function PaymentBadge({ invoice }: { invoice: TInvoiceView }) {
  if (invoice.cancelled) return <Badge tone="neutral">Cancelled</Badge>;
  const state = PAYMENT[invoice.paymentState] ?? { label: invoice.paymentState, tone: "neutral" as const };
  const { overdue } = invoice;

  return <Badge tone={overdue ? "danger" : state.tone}>{overdue ? "Overdue" : state.label}</Badge>;
}

/** Invoices with their amounts and what is still due; optionally the order each one bills. */
export function InvoicesTable({
  invoices,
  orderOf,
}: {
  invoices: TInvoiceView[];
  orderOf?: (invoice: TInvoiceView) => React.ReactNode;
}) {
  return (
    <Table>
      <THead>
        <tr>
          <Th>Invoice</Th>
          {orderOf && <Th>Order</Th>}
          <Th>Date</Th>
          <Th>Due</Th>
          <Th className="text-right">Amount</Th>
          <Th className="text-right">Due now</Th>
          <Th>Status</Th>
        </tr>
      </THead>
      <TBody>
        {invoices.map((invoice) => (
          <tr key={invoice.id} data-testid="invoice-row">
            <Td className="font-medium text-slate-900">
              {invoice.number}
              {invoice.isCreditNote && <span className="block text-xs text-slate-500">Credit note</span>}
            </Td>
            {orderOf && <Td>{orderOf(invoice)}</Td>}
            <Td>{day(invoice.invoiceDate)}</Td>
            <Td>{day(invoice.dueDate)}</Td>
            <Td className="text-right tabular-nums">
              {formatMoney(
                invoice.isCreditNote ? -invoice.amountTotalMinor : invoice.amountTotalMinor,
                invoice.currency,
              )}
            </Td>
            <Td className="text-right tabular-nums">
              {formatMoney(
                invoice.isCreditNote ? -invoice.amountResidualMinor : invoice.amountResidualMinor,
                invoice.currency,
              )}
            </Td>
            <Td>
              <PaymentBadge invoice={invoice} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The invoices of one order, on its page. */
export function InvoicesSection({ invoices }: { invoices: TInvoiceView[] }) {
  if (!invoices.length) return null;

  return (
    <section className="space-y-3" aria-labelledby="invoices-heading">
      <h2 id="invoices-heading" className="text-lg font-semibold">
        Invoices
      </h2>
      <InvoicesTable invoices={invoices} />
    </section>
  );
}
