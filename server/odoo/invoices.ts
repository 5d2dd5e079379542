import "server-only";
import { z } from "zod";
import type { OdooClient } from "@/server/odoo/client";
import { readChangedSince, type TChangeCursor, type TChangedPage } from "@/server/odoo/changed-since";
import {
  fieldsOf,
  odooDatetime,
  odooMany2one,
  odooMoney,
  odooRecord,
  odooSelection,
  odooText,
} from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// account.move as customer invoices and credit notes. Only posted ones mean anything to a
// buyer (a draft can still change, a cancelled one is void); `invoice_origin` names the sale
// orders it bills ("S00042, S00043"), `amount_residual` is what is still due. Dates are plain
// "YYYY-MM-DD" days.

const MODEL = "account.move";
const CUSTOMER_TYPES = ["out_invoice", "out_refund"] as const;

const odooDate = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal(false)])
  .transform((value) => (value === false ? null : new Date(`${value}T00:00:00Z`)));

const MOVE = {
  name: odooText,
  move_type: odooSelection([
    "entry",
    "out_invoice",
    "out_refund",
    "in_invoice",
    "in_refund",
    "out_receipt",
    "in_receipt",
  ]),
  state: odooSelection(["draft", "posted", "cancel"]),
  partner_id: odooMany2one,
  commercial_partner_id: odooMany2one,
  invoice_date: odooDate,
  invoice_date_due: odooDate,
  invoice_origin: odooText,
  currency_id: odooMany2one,
  amount_total: odooMoney,
  amount_residual: odooMoney,
  payment_state: odooText,
  write_date: odooDatetime,
};
const MOVE_FIELDS = fieldsOf(MOVE);

const ZInvoice = odooRecord(MOVE).transform((m) => ({
  id: m.id,
  number: m.name,
  moveType: m.move_type,
  state: m.state,
  partnerId: m.partner_id?.id ?? null,
  commercialPartnerId: m.commercial_partner_id?.id ?? m.partner_id?.id ?? null,
  invoiceDate: m.invoice_date,
  dueDate: m.invoice_date_due,
  /** The sale order names it bills, as Odoo lists them. */
  saleOrderNames: (m.invoice_origin ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean),
  origin: m.invoice_origin,
  currency: m.currency_id?.name ?? null,
  amountTotalMinor: m.amount_total,
  amountResidualMinor: m.amount_residual,
  paymentState: m.payment_state,
  writeDate: m.write_date,
}));

export type TOdooInvoice = z.infer<typeof ZInvoice>;

/** One invoice (any state, any type: the caller decides what it keeps); null when Odoo has none. Reads only. */
export function getInvoice(client: OdooClient, id: number): Promise<TOdooInvoice | null> {
  return withAppErrors(async () => {
    const [invoice] = await client.read(MODEL, [id], MOVE_FIELDS, ZInvoice);

    return invoice ?? null;
  });
}

/** One page of customer invoices and credit notes written since the cursor. Reads only. */
export function findInvoicesChangedSince(
  client: OdooClient,
  cursor: TChangeCursor,
  { limit }: { limit?: number } = {},
): Promise<TChangedPage<TOdooInvoice>> {
  return withAppErrors(() =>
    readChangedSince(client, {
      model: MODEL,
      fields: MOVE_FIELDS,
      schema: ZInvoice,
      domain: [["move_type", "in", [...CUSTOMER_TYPES]]],
      cursor,
      limit,
    }),
  );
}

export const isCustomerInvoice = (invoice: TOdooInvoice) =>
  invoice.moveType === "out_invoice" || invoice.moveType === "out_refund";
