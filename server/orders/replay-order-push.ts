import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { enqueue } from "@/server/jobs/enqueue";

/**
 * Queues a failed order push again (an operator fixed the cause: the SKU now exists in Odoo, the
 * price was corrected). Idempotent: the push itself looks Odoo up by our reference first, and the
 * queue keeps one push per order; an order not FAILED is INVALID_STATE. Returns the job id
 * (null when a push of this order is already queued).
 */
export async function replayOrderPush(orderId: string): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: orderId, pushStatus: "FAILED" },
      data: { pushStatus: "QUEUED" },
    });
    if (!count) throw new AppError("INVALID_STATE", "Only an order whose push failed can be pushed again.");

    return enqueue(tx, pushOrderToOdooJob, { orderId }, { singletonKey: orderId });
  });
}
