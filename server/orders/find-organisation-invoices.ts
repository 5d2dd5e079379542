import "server-only";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { getOpenInvoicesTotal } from "@/server/orders/get-open-invoices-total";
import { toInvoiceView, type TInvoiceView } from "@/server/orders/get-order-deliveries";

export type TOrganisationInvoice = TInvoiceView & { order: { id: string; reference: string } | null };

const PAGE_SIZE = 100;

/**
 * The organisation's invoices from the cache (newest first, open ones before paid ones of the
 * same day) and what is due per currency, for its admins. Scoped to the caller's organisation
 * in the query. Reads only; never calls Odoo.
 */
export async function findOrganisationInvoices(user: TSessionUser): Promise<{
  invoices: TOrganisationInvoice[];
  due: { currency: string; amountDueMinor: number }[];
  overdueCount: number;
}> {
  const organisationId = organisationIdOf(user);
  const [rows, due] = await Promise.all([
    db.invoice.findMany({
      where: { organisationId },
      orderBy: [{ invoiceDate: "desc" }, { amountResidualMinor: "desc" }, { number: "desc" }],
      take: PAGE_SIZE,
      include: { order: { select: { id: true, reference: true } } },
    }),
    getOpenInvoicesTotal(organisationId),
  ]);
  const invoices = rows.map((row) => ({ ...toInvoiceView(row), order: row.order }));

  return { invoices, due, overdueCount: invoices.filter((invoice) => invoice.overdue).length };
}
