import "server-only";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findInvoicesChangedSince, type TOdooInvoice } from "@/server/odoo/invoices";
import { syncOdooInvoice } from "@/server/orders/sync-odoo-invoice";

/** "odoo.account.move": customer invoices and credit notes written since the cursor (posted, paid, cancelled). */
export function createInvoiceReconciler(client: OdooClient = getOdooClient()): TReconciler<TOdooInvoice> {
  return {
    name: "odoo.account.move",
    kind: "odoo.invoice.sync",
    system: "ODOO",
    fetchPage: (cursor) => findInvoicesChangedSince(client, cursor),
    sync: (invoice) => syncOdooInvoice(invoice.id, client),
  };
}
