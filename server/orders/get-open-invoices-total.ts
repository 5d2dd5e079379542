import "server-only";
import { db } from "@/server/db";

/**
 * What an organisation still owes on its posted invoices, per currency (credit notes count
 * against it), from the invoice cache only — never Odoo. For checkout's credit check:
 * credit limit − this − the open orders not yet invoiced. Empty when nothing is due.
 */
export async function getOpenInvoicesTotal(
  organisationId: string,
): Promise<{ currency: string; amountDueMinor: number }[]> {
  const rows = await db.invoice.groupBy({
    by: ["currency", "moveType"],
    where: { organisationId, state: "posted", amountResidualMinor: { not: 0 } },
    _sum: { amountResidualMinor: true },
  });
  const totals = new Map<string, number>();
  for (const row of rows) {
    const sign = row.moveType === "out_refund" ? -1 : 1;
    totals.set(row.currency, (totals.get(row.currency) ?? 0) + sign * (row._sum.amountResidualMinor ?? 0));
  }

  return [...totals]
    .filter(([, amount]) => amount !== 0)
    .map(([currency, amountDueMinor]) => ({ currency, amountDueMinor }));
}
