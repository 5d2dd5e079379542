import "server-only";
import type { TReconciler } from "@/server/integrations/run-reconciliation";

/**
 * Every model reconciled against Odoo on a schedule, in the order they run (customers before
 * what refers to them). Each entry is built lazily so the worker loads a gateway only when it
 * reconciles. The ERP cache and catalog import add theirs here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each reconciler has its own record type
export const ODOO_RECONCILERS: Record<string, () => Promise<TReconciler<any>>> = {
  "odoo.res.partner": async () => (await import("@/server/erp/customer-reconciler")).createCustomerReconciler(),
  "odoo.stock.quant": async () => (await import("@/server/erp/stock-reconciler")).createStockReconciler(),
  "odoo.delivery.carrier": async () => (await import("@/server/erp/carrier-reconciler")).createCarrierReconciler(),
  "odoo.product.product": async () =>
    (await import("@/server/catalog/odoo-product-reconciler")).createProductReconciler(),
  // Orders after customers and products; deliveries and invoices after the orders they belong to.
  "odoo.sale.order": async () => (await import("@/server/orders/sale-order-reconciler")).createSaleOrderReconciler(),
  "odoo.stock.picking": async () => (await import("@/server/orders/picking-reconciler")).createPickingReconciler(),
  "odoo.account.move": async () => (await import("@/server/orders/invoice-reconciler")).createInvoiceReconciler(),
};
