import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import type { TJobContext } from "@/server/jobs/job-definition";
import { isRetryable } from "@/server/jobs/run-job";
import { linkExternalRecord } from "@/server/integrations/link-external-record";
import { logger } from "@/server/logger";
import { findCarriers } from "@/server/odoo/carriers";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findProductsBySkus } from "@/server/odoo/products";
import { confirmSaleOrder, getSaleOrderWithLines } from "@/server/odoo/sale-orders";
import { buildSaleOrderInput, findPriceDifferences } from "@/server/orders/build-sale-order-input";
import { ensureOrderPartner } from "@/server/orders/ensure-order-partner";
import { withOrderPushLock, type TPushLocks } from "@/server/orders/push-locks";
import { createSaleOrderOnce } from "@/server/orders/push-sale-order-create";

export type TPushResult =
  | { skipped: string }
  | { odooOrderId: number; odooOrderName: string; odooState: string; created: boolean; confirmed: boolean };

const ORDER_INCLUDE = { lines: true, organisation: { select: { name: true } } } as const;
type TOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

const loadOrder = (id: string) => db.order.findUnique({ where: { id }, include: ORDER_INCLUDE });

function reasonNotToPush(order: TOrder): string | null {
  if (order.pushStatus === "PUSHED") return `already pushed as ${order.odooOrderName ?? order.odooOrderId}`;
  if (order.pushStatus === "NOT_APPLICABLE") return "nothing to push (not placed, or an order from Odoo)";
  if (order.status !== "PLACED") return `order is ${order.status}`;

  return null;
}

const permanent = (message: string) => new AppError("INVALID_STATE", message, undefined, { retryable: false });
const messageOf = (error: unknown) =>
  error instanceof AppError
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Pushes a placed order to Odoo as one confirmed sale order with our prices, exactly once:
 * under a lock per order, look up by our reference (client_order_ref), create only if absent,
 * check Odoo's prices against ours, confirm if still a quotation (one confirm per product at a
 * time), then record the link. Every step resumes what an interrupted attempt left in Odoo.
 * Retryable errors are thrown for pg-boss to retry; a permanent one (a SKU Odoo lacks, a price
 * Odoo changed) or the last retry marks the order FAILED for operators, and the job dead-letters.
 * Every failed attempt leaves its reason on the order (lastPushError) for the operations console.
 */
export async function pushOrderToOdoo(
  payload: { orderId: string },
  context: TJobContext,
  client: OdooClient = getOdooClient(),
): Promise<TPushResult> {
  const order = await loadOrder(payload.orderId);
  if (!order) throw new AppError("NOT_FOUND", `No order ${payload.orderId}.`, undefined, { retryable: false });
  const skip = reasonNotToPush(order);
  if (skip) return { skipped: skip };
  try {
    return await withOrderPushLock(order.id, async (locks) => {
      // Another push of this order may have finished while this one waited for the lock.
      const current = (await loadOrder(order.id))!;
      const skipNow = reasonNotToPush(current);

      return skipNow ? { skipped: skipNow } : await push(client, current, locks);
    });
  } catch (error) {
    const forGood = !isRetryable(error) || context.attempt >= pushOrderToOdooJob.retry.limit;
    await db.order.updateMany({
      where: { id: order.id, pushStatus: "QUEUED" },
      data: { lastPushError: messageOf(error).slice(0, 1000), ...(forGood ? { pushStatus: "FAILED" as const } : {}) },
    });
    if (forGood)
      logger.error({ err: error, orderId: order.id, reference: order.reference }, "order push failed for good");
    throw error;
  }
}

async function push(client: OdooClient, order: TOrder, locks: TPushLocks): Promise<TPushResult> {
  const locked = order.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const perUnit = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  if (locked !== perUnit)
    throw permanent(`Order ${order.reference}: line totals ${locked} ≠ quantity × unit price ${perUnit}.`);
  const productIdsBySku = await resolveProducts(
    client,
    order.lines.map((line) => line.sku),
  );
  const partner = await ensureOrderPartner(client, order);
  const carrier = order.carrierId ? await carrierOf(client, order.carrierId) : undefined;
  const input = buildSaleOrderInput(order, { ...partner, productIdsBySku, carrier });

  // Look-up-before-create by our reference: after a lost answer, a crash or a race, this finds it;
  // a create still running in Odoo is waited for, not repeated.
  const { id, created } = await createSaleOrderOnce(client, order, input);
  const sale = await getSaleOrderWithLines(client, id);
  if (!sale) throw new AppError("UPSTREAM_FAILED", `Odoo's sale order ${id} vanished during the push.`);
  let state = sale.state ?? "draft";
  let confirmed = false;
  if (state === "draft" || state === "sent") {
    const differences = findPriceDifferences(input, sale);
    if (differences.length)
      throw permanent(`Odoo's ${sale.name} for ${order.reference} differs from our prices: ${differences.join("; ")}.`);
    // Confirms that share a product collide on stock.quant in Odoo (SerializationFailure): one at a time.
    const goods = input.lines.map((line) => line.productId);
    const knownState = state;
    ({ confirmed } = await locks.withProductLocks(goods, () => confirmSaleOrder(client, id, { knownState })));
    state = "sale";
  }
  await recordPushed(order.id, { id, name: sale.name, state });
  logger.info({ orderId: order.id, reference: order.reference, odoo: sale.name, created, confirmed }, "order pushed");

  return { odooOrderId: id, odooOrderName: sale.name, odooState: state, created, confirmed };
}

async function resolveProducts(client: OdooClient, skus: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(skus)];
  const found = new Map<string, number>();
  for (const product of await findProductsBySkus(client, unique))
    if (product.sku && !found.has(product.sku)) found.set(product.sku, product.id);
  const missing = unique.filter((sku) => !found.has(sku));
  if (missing.length)
    throw new AppError("NOT_FOUND", `Odoo has no product with SKU ${missing.join(", ")}.`, undefined, {
      retryable: false,
    });

  return found;
}

// A carrier's delivery product hardly ever changes: read once per worker and carrier.
const carriers = new Map<number, Promise<{ carrierId: number; productId: number; name: string }>>();

function carrierOf(client: OdooClient, carrierId: number) {
  let carrier = carriers.get(carrierId);
  if (!carrier) {
    carrier = findCarriers(client, { ids: [carrierId] }).then(([found]) => {
      if (!found?.productId) throw permanent(`Odoo has no delivery method ${carrierId} (or it has no product).`);

      return { carrierId, productId: found.productId, name: found.name };
    });
    carriers.set(carrierId, carrier);
    carrier.catch(() => carriers.delete(carrierId));
  }

  return carrier;
}

async function recordPushed(orderId: string, sale: { id: number; name: string; state: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await linkExternalRecord(
      { system: "ODOO", entityType: "order", localId: orderId, externalId: String(sale.id) },
      tx,
    );
    await tx.order.update({
      where: { id: orderId },
      data: {
        odooOrderId: sale.id,
        odooOrderName: sale.name,
        odooState: sale.state,
        pushStatus: "PUSHED",
        pushedAt: new Date(),
        odooCreateSentAt: null,
        lastPushError: null,
      },
    });
  });
}
