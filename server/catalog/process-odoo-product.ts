import "server-only";
import { syncOdooProduct } from "@/server/catalog/sync-odoo-product";
import type { TInboundDeliveryRecord } from "@/server/integrations/inbound-processors";
import { withSyncRun, type TSyncResult } from "@/server/integrations/record-sync-run";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findProductIdsByTemplate } from "@/server/odoo/products";

const idOf = (delivery: TInboundDeliveryRecord) => {
  const id = Number(delivery.subjectId);

  return Number.isInteger(id) && id > 0 ? id : null;
};

async function syncVariants(ids: number[], client: OdooClient): Promise<TSyncResult> {
  const results: TSyncResult[] = [];
  for (const odooId of ids) {
    const subject = {
      kind: "odoo.product.sync",
      trigger: "webhook",
      system: "ODOO" as const,
      externalId: String(odooId),
    };
    // Each variant in the import's log, as a reconciliation pass would write it (the page reads that log).
    results.push(await withSyncRun(subject, () => syncOdooProduct({ odooId }, client)));
  }

  return {
    outcome: results.some((result) => result.outcome === "CHANGED") ? "CHANGED" : "UNCHANGED",
    summary: results.map((result) => result.summary).join("; ") || "no variants",
  };
}

/**
 * INBOUND_PROCESSORS.odoo["product.product"]: re-syncs the product the delivery names (re-read
 * from Odoo; the body's values are never used).
 */
export async function processOdooProduct(delivery: TInboundDeliveryRecord, client: OdooClient = getOdooClient()) {
  const id = idOf(delivery);
  if (!id) return { outcome: "SKIPPED", summary: `Not a product id: ${delivery.subjectId ?? "none"}` } as const;

  return syncVariants([id], client);
}

/**
 * INBOUND_PROCESSORS.odoo["product.template"]: an edit on Odoo's product form writes the
 * template, not its variants; re-syncs each of the template's variants.
 */
export async function processOdooProductTemplate(
  delivery: TInboundDeliveryRecord,
  client: OdooClient = getOdooClient(),
) {
  const id = idOf(delivery);
  if (!id) return { outcome: "SKIPPED", summary: `Not a template id: ${delivery.subjectId ?? "none"}` } as const;

  return syncVariants(await findProductIdsByTemplate(client, id), client);
}
