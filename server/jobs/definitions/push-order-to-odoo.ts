import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/**
 * Pushes one placed order to Odoo as a confirmed sale order, exactly once (issue: orders between
 * Medusa and Odoo). Enqueued by checkout in the transaction that records the order, with the
 * order id as singleton key, so a duplicate enqueue is dropped by the queue.
 */
export const pushOrderToOdooJob = defineJob({
  name: "orders.push-to-odoo",
  version: 1,
  schema: z.object({ orderId: z.uuid() }).strict(),
  retry: { limit: 60, delaySeconds: 15, backoff: true, maxDelaySeconds: 3600 },
  expireInSeconds: 600,
  heartbeatSeconds: 60,
  policy: "exclusive",
  concurrency: 2,
  load: async () => async (payload: { orderId: string }, context) =>
    (await import("@/server/orders/push-order-to-odoo")).pushOrderToOdoo(payload, context),
});
