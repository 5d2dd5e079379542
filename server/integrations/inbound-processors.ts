import "server-only";
import type { TSyncResult } from "@/server/integrations/record-sync-run";

export type TInboundDeliveryRecord = {
  id: string;
  source: string;
  subjectType: string | null;
  subjectId: string | null;
  body: string;
  receivedAt: Date;
};

/**
 * Syncs what one delivery is about. Processors treat the delivery as a hint: they re-read the
 * record from its system and upsert by external id, so running one twice changes nothing.
 */
export type TInboundProcessor = (delivery: TInboundDeliveryRecord) => Promise<TSyncResult>;

/** Processors by source, then by subject type (e.g. odoo → res.partner). */
export type TInboundProcessors = Record<string, Record<string, TInboundProcessor>>;

// The receivers (Odoo webhooks, Strapi webhooks) add their processors here as they land.
export const INBOUND_PROCESSORS: TInboundProcessors = {
  odoo: {
    "res.partner": async (delivery) =>
      (await import("@/server/erp/sync-odoo-customer")).syncOdooCustomer(Number(delivery.subjectId)),
    "stock.quant": async (delivery) =>
      (await import("@/server/erp/process-odoo-stock-quant")).processOdooStockQuant(delivery),
    "delivery.carrier": async (delivery) =>
      (await import("@/server/erp/process-odoo-carrier")).processOdooCarrier(delivery),
    "product.product": async (delivery) =>
      (await import("@/server/catalog/process-odoo-product")).processOdooProduct(delivery),
    "product.template": async (delivery) =>
      (await import("@/server/catalog/process-odoo-product")).processOdooProductTemplate(delivery),
    "sale.order": async (delivery) =>
      (await import("@/server/orders/sync-odoo-sale-order")).syncOdooSaleOrder(Number(delivery.subjectId)),
    "stock.picking": async (delivery) =>
      (await import("@/server/orders/sync-odoo-picking")).syncOdooPicking(Number(delivery.subjectId)),
    "account.move": async (delivery) =>
      (await import("@/server/orders/sync-odoo-invoice")).syncOdooInvoice(Number(delivery.subjectId)),
  },
  strapi: {
    "product-content": async (delivery) =>
      (await import("@/server/pim/process-strapi-product-content")).processStrapiProductContent(delivery),
  },
};
