import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/server/db";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { getInvoice, isCustomerInvoice, type TOdooInvoice } from "@/server/odoo/invoices";

const ORG_LINK = { system: "ODOO", entityType: "organisation" } as const;

async function forget(odooMoveId: number, why: string): Promise<TSyncResult> {
  const { count } = await db.invoice.deleteMany({ where: { odooMoveId } });
  const externalId = String(odooMoveId);

  return count
    ? { outcome: "CHANGED", summary: `${why}: removed from the cache`, externalId }
    : { outcome: "SKIPPED", summary: why, externalId };
}

function cachedValues(invoice: TOdooInvoice) {
  return {
    number: invoice.number ?? `#${invoice.id}`,
    moveType: invoice.moveType ?? "out_invoice",
    state: invoice.state ?? "posted",
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    origin: invoice.origin?.slice(0, 200) ?? null,
    currency: invoice.currency ?? "EUR",
    amountTotalMinor: invoice.amountTotalMinor,
    amountResidualMinor: invoice.amountResidualMinor,
    paymentState: invoice.paymentState ?? "not_paid",
    odooWriteDate: invoice.writeDate,
  };
}

/**
 * Caches one Odoo customer invoice or credit note of one of our organisations (posted or
 * cancelled; a draft is not an invoice yet and leaves the cache), linked to our order when its
 * origin names the Odoo order. Re-reads Odoo; idempotent (UNCHANGED when nothing differs), never
 * over a newer write_date. Invoices of customers that are no organisation of ours are SKIPPED.
 */
export async function syncOdooInvoice(odooMoveId: number, client: OdooClient = getOdooClient()): Promise<TSyncResult> {
  if (!Number.isSafeInteger(odooMoveId) || odooMoveId <= 0)
    throw new AppError("INVALID_INPUT", `Not an Odoo invoice id: ${String(odooMoveId)}`);
  const invoice = await getInvoice(client, odooMoveId);
  if (!invoice) return forget(odooMoveId, `Odoo has no invoice ${odooMoveId}`);
  if (!isCustomerInvoice(invoice))
    return forget(odooMoveId, `${invoice.number ?? odooMoveId} is not a customer invoice`);
  if (invoice.state === "draft") return forget(odooMoveId, `${invoice.number ?? odooMoveId} is a draft`);
  const externalId = String(odooMoveId);
  const link = invoice.commercialPartnerId
    ? await db.externalLink.findUnique({
        where: { system_entityType_externalId: { ...ORG_LINK, externalId: String(invoice.commercialPartnerId) } },
      })
    : null;
  if (!link)
    return { outcome: "SKIPPED", summary: `${invoice.number} is for a customer of no organisation`, externalId };
  const organisationId = link.localId;
  const order = invoice.saleOrderNames.length
    ? await db.order.findFirst({
        where: { organisationId, odooOrderName: { in: invoice.saleOrderNames } },
        orderBy: { placedAt: "asc" },
        select: { id: true },
      })
    : null;
  const values = { ...cachedValues(invoice), organisationId, orderId: order?.id ?? null };

  const cached = await db.invoice.findUnique({ where: { odooMoveId } });
  if (cached?.odooWriteDate && invoice.writeDate && cached.odooWriteDate > invoice.writeDate)
    return { outcome: "UNCHANGED", summary: "Odoo's answer was older than the cache", localId: cached.id, externalId };
  const same =
    cached &&
    (Object.keys(values) as (keyof typeof values)[]).every(
      (key) =>
        String(cached[key] instanceof Date ? (cached[key] as Date).getTime() : cached[key]) ===
        String(values[key] instanceof Date ? (values[key] as Date).getTime() : values[key]),
    );
  if (same) return { outcome: "UNCHANGED", localId: cached.id, externalId };
  const saved = await db.invoice.upsert({
    where: { odooMoveId },
    create: { odooMoveId, ...values },
    update: { ...values, syncedAt: new Date() },
  });

  return {
    outcome: "CHANGED",
    summary: `${values.number}: ${values.paymentState}, ${values.amountResidualMinor} of ${values.amountTotalMinor} due`,
    localId: saved.id,
    externalId,
  };
}
