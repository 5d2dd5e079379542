import "server-only";
import { z } from "zod";
import { getEnv } from "@/server/env";
import { defineJob, type TRetryPolicy } from "@/server/jobs/job-definition";

/**
 * The fewest retries whose delays add up to `horizonSeconds` at least, with pg-boss's backoff:
 * retry n waits min(max, base × 2ⁿ × (1 + jitter)), jitter in [0, 1) — so base × 2ⁿ capped is
 * the shortest it can be, and the horizon holds even when every draw of the jitter is 0.
 */
export function retryLimitForHorizon(baseSeconds: number, maxSeconds: number, horizonSeconds: number): number {
  let total = 0;
  let retries = 0;
  while (total < horizonSeconds) {
    total += Math.min(maxSeconds, baseSeconds * 2 ** Math.min(retries, 15));
    retries += 1;
  }

  return retries;
}

function retryPolicy(): TRetryPolicy {
  const env = getEnv();
  const base = env.ORDER_PUSH_RETRY_DELAY_SECONDS;
  const max = env.ORDER_PUSH_RETRY_MAX_DELAY_SECONDS;

  return {
    limit: retryLimitForHorizon(base, max, env.ORDER_PUSH_RETRY_HORIZON_HOURS * 3600),
    delaySeconds: base,
    backoff: true,
    maxDelaySeconds: max,
  };
}

/**
 * Pushes one placed order to Odoo as a confirmed sale order, exactly once (issue: orders between
 * Medusa and Odoo). Enqueued by checkout in the transaction that records the order, with the
 * order id as singleton key, so a duplicate enqueue is dropped by the queue; the handler is
 * idempotent anyway (a lock per order, look-up by our reference before create).
 *
 * Retry policy and concurrency come from the environment (ORDER_PUSH_*), read when the worker
 * starts — hence getters: the app imports this definition to enqueue, before any env is needed.
 */
export const pushOrderToOdooJob = defineJob({
  name: "orders.push-to-odoo",
  version: 1,
  schema: z.object({ orderId: z.uuid() }).strict(),
  get retry() {
    return retryPolicy();
  },
  // A push is a few Odoo calls, action_confirm up to ~20 s when Odoo retries serialization failures.
  expireInSeconds: 600,
  // A killed worker's push is retried 30–40 s later (supervision every 10 s): within the minute
  // test:chaos allows for a rescue. The heartbeat is sent every 15 s whatever the push waits on.
  heartbeatSeconds: 30,
  policy: "exclusive",
  // Retries (every 15 s at first) and the first push after a quiet spell start within half a
  // second; a slot that finished a push takes the next at once anyway.
  pollingIntervalSeconds: 0.5,
  get concurrency() {
    return getEnv().ORDER_PUSH_CONCURRENCY;
  },
  load: async () => async (payload: { orderId: string }, context) =>
    (await import("@/server/orders/push-order-to-odoo")).pushOrderToOdoo(payload, context),
});
