import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import type { OdooClient } from "@/server/odoo/client";
import { OdooError } from "@/server/odoo/errors";
import { createSaleOrder, type TSaleOrderInput } from "@/server/odoo/sale-orders";

// A create Odoo did not answer may still be running there: Odoo keeps working on a request whose
// client gave up (up to limit_time_real, 120 s by default) and commits at the end. A look-up in
// the meantime finds nothing, and a second create would make a second order. So the push writes
// down when it sends a create (before sending, so that a worker killed mid-call counts too) and
// sends no other until that create has had all the time Odoo may take.

// Statuses with which Odoo, or a proxy or rate limiter in front of it, refuses a request without
// running it (a 502 or 504 is different: the proxy lost Odoo mid-request).
const REFUSED_UNRUN = new Set([401, 403, 404, 415, 429, 503]);

/** Whether a create that failed certainly left nothing in Odoo: Odoo answered (its transaction rolled back), or never ran it. */
export function createCertainlyFailed(error: unknown): boolean {
  const cause = error instanceof OdooError ? error : (error as { cause?: unknown } | null)?.cause;
  if (!(cause instanceof OdooError)) return false;

  return cause.kind === "odoo" || (cause.kind === "http" && cause.status !== null && REFUSED_UNRUN.has(cause.status));
}

/**
 * Looks the sale order up by our reference and creates it only if absent — and only if no earlier
 * create of this order may still commit (then a retryable CONFLICT: the job tries again later,
 * looking up first). Call it holding the order's push lock. Writes Order.odooCreateSentAt.
 */
export async function createSaleOrderOnce(
  client: OdooClient,
  order: { id: string; reference: string; odooCreateSentAt: Date | null },
  input: TSaleOrderInput,
): Promise<{ id: number; created: boolean }> {
  let sent = false;
  try {
    return await createSaleOrder(client, input, {
      beforeCreate: async () => {
        const settledAt = (order.odooCreateSentAt?.getTime() ?? 0) + getEnv().ORDER_PUSH_CREATE_SETTLE_SECONDS * 1000;
        if (Date.now() < settledAt)
          throw new AppError(
            "CONFLICT",
            `An earlier create of ${order.reference} (sent ${order.odooCreateSentAt!.toISOString()}) got no answer and ` +
              `may still commit in Odoo: no second create before ${new Date(settledAt).toISOString()}; looking it up again later.`,
            undefined,
            { retryable: true },
          );
        // Compare-and-set: should the order's lock have been lost with its connection, a push
        // that read the same state and got here first wins; this one looks it up again later.
        const { count } = await db.order.updateMany({
          where: { id: order.id, odooCreateSentAt: order.odooCreateSentAt },
          data: { odooCreateSentAt: new Date() },
        });
        if (!count)
          throw new AppError(
            "CONFLICT",
            `Another push of ${order.reference} is creating it; looking it up again later.`,
            undefined,
            {
              retryable: true,
            },
          );
        sent = true;
      },
    });
  } catch (error) {
    if (sent && createCertainlyFailed(error))
      await db.order.update({ where: { id: order.id }, data: { odooCreateSentAt: null } });
    throw error;
  }
}
