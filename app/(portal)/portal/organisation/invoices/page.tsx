import Link from "next/link";
import { InvoicesTable } from "@/components/orders/invoices-table";
import { PageHeader } from "@/components/portal/page-header";
import { formatMoney } from "@/lib/pricing/units";
import { requirePageUser } from "@/server/auth/session";
import { findOrganisationInvoices } from "@/server/orders/find-organisation-invoices";

export const metadata = { title: "Invoices" };

export default async function OrganisationInvoicesPage() {
  const user = await requirePageUser("organisation.account.read");
  const { invoices, due, overdueCount } = await findOrganisationInvoices(user);
  const dueText = due.length ? due.map((d) => formatMoney(d.amountDueMinor, d.currency)).join(" + ") : "nothing";

  return (
    <>
      <PageHeader title="Invoices" description="Posted invoices and credit notes from our accounting, newest first." />
      <p className="mb-4 text-sm text-slate-600" data-testid="amount-due">
        Amount due: <span className="font-semibold text-slate-900">{dueText}</span>
        {overdueCount > 0 && <span className="text-red-700"> · {overdueCount} overdue</span>}
      </p>
      {invoices.length ? (
        <InvoicesTable
          invoices={invoices}
          orderOf={(invoice) => {
            const order = invoices.find((candidate) => candidate.id === invoice.id)?.order;

            return order ? (
              <Link href={`/orders/${order.id}`} className="text-brand-700 hover:underline">
                {order.reference}
              </Link>
            ) : (
              <span className="text-slate-500">—</span>
            );
          }}
        />
      ) : (
        <p className="text-sm text-slate-600">No invoices yet. Invoices appear here once our accounting posts them.</p>
      )}
    </>
  );
}
