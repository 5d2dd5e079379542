import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { cancelMedusaOrder } from "@/server/medusa/fulfilments";

type TOrderToCancel = {
  id: string;
  reference: string;
  organisationId: string;
  status: string;
  medusaOrderId: string | null;
};

/**
 * An order cancelled in Odoo (the source of record after confirmation) is cancelled in Medusa,
 * then here: status CANCELLED, the time, a timeline entry. Idempotent: an order already
 * cancelled here is UNCHANGED; Medusa first, so a failure there leaves our status to retry.
 */
export async function cancelOrderFromOdoo(order: TOrderToCancel, odooOrderName: string): Promise<TSyncResult> {
  if (order.status === "CANCELLED") return { outcome: "UNCHANGED", localId: order.id };
  if (order.medusaOrderId) await cancelMedusaOrder(order.medusaOrderId);
  const cancelled = await db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: { not: "CANCELLED" } },
      data: { status: "CANCELLED", cancelledAt: new Date(), odooState: "cancel" },
    });
    if (count)
      await recordAudit(tx, {
        actor: { system: "odoo" },
        action: "order.cancelled-in-odoo",
        entityType: "order",
        entityId: order.id,
        organisationId: order.organisationId,
        before: { status: order.status },
        after: { status: "CANCELLED", odooOrder: odooOrderName },
      });

    return count > 0;
  });

  return cancelled
    ? { outcome: "CHANGED", summary: `${order.reference} cancelled in Odoo (${odooOrderName})`, localId: order.id }
    : { outcome: "UNCHANGED", localId: order.id };
}
