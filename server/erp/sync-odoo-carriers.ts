import "server-only";
import { saveOdooCarrier } from "@/server/erp/save-odoo-carrier";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { findCarriersForSync } from "@/server/odoo/carriers";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";

/**
 * Re-reads these carriers from Odoo (archived ones too) with their price rules and writes them to
 * ErpCarrier; an id Odoo no longer has is marked inactive. Idempotent: a second run changes nothing.
 * The webhook processor for delivery.carrier; the reconciler reads them all (carrier-reconciler.ts).
 */
export async function syncOdooCarriers(
  { ids }: { ids: number[] },
  client: OdooClient = getOdooClient(),
): Promise<TSyncResult> {
  const carriers = await findCarriersForSync(client, { ids });
  const results: TSyncResult[] = [];
  for (const id of ids) results.push(await saveOdooCarrier(id, carriers.find((carrier) => carrier.id === id) ?? null));
  const changed = results.filter((result) => result.outcome === "CHANGED");

  return {
    outcome: changed.length ? "CHANGED" : "UNCHANGED",
    summary: results.map((result) => result.summary).join("; "),
    externalId: ids.join(","),
  };
}
