import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { enqueueOrderPlacedEmail, type TOrderPlacedRecipient } from "@/server/checkout/enqueue-order-placed-email";
import { ZOrderLineMetadata, ZOrderMetadata } from "@/server/checkout/order-metadata";
import { db } from "@/server/db";
import { linkExternalRecord } from "@/server/integrations/link-external-record";
import { enqueue } from "@/server/jobs/enqueue";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { logger } from "@/server/logger";
import { fromMedusaAmount } from "@/server/medusa/carts";
import type { TMedusaOrder } from "@/server/medusa/place-medusa-order";

export type TRecordedOrder = { id: string; reference: string; created: boolean };

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Records a Medusa order Tradepost's checkout placed, from the order itself (its metadata says
 * whose it is and what was agreed), in ONE transaction: the Order (PLACED, push QUEUED) and its
 * lines — or the approval request it came from, now placed —, the order ↔ Medusa order link,
 * the Odoo push job and the "order placed" email to the buyer. Idempotent: an order already
 * recorded is returned as it is (`created: false`, nothing queued again), also when several
 * callers record the same Medusa order at once (the unique keys decide).
 * Used by submit, by approval and by recovery.
 */
export async function recordPlacedOrder(
  medusa: TMedusaOrder,
  {
    fresh = false,
    recipient,
  }: {
    /**
     * The caller's own call to Medusa just created this order from a submit (not an approval
     * request): nothing can be recorded for it yet but by a racing recovery, which the unique keys
     * catch. Saves the look-ups (three round trips on the buyer's path).
     */
    fresh?: boolean;
    /** The buyer, when the caller is the buyer (a submit): then not read again. */
    recipient?: TOrderPlacedRecipient;
  } = {},
): Promise<TRecordedOrder> {
  const parsed = ZOrderMetadata.safeParse(medusa.metadata?.tradepost);
  if (!parsed.success) throw new AppError("INVALID_STATE", `Medusa order ${medusa.id} is not a Tradepost order.`);
  const meta = parsed.data;
  // Side by side: the buyer (for the "order placed" email) is read outside the transaction.
  const [existing, buyer] = await Promise.all([
    fresh ? null : db.order.findUnique({ where: { medusaOrderId: medusa.id }, select: { id: true, reference: true } }),
    recipient ??
      db.user.findUnique({ where: { id: meta.buyer_id }, select: { email: true, name: true, isActive: true } }),
  ]);
  if (existing) return { ...existing, created: false };
  const currency = medusa.currency_code.toUpperCase();
  const lines = (medusa.items ?? []).map((item) => {
    const line = ZOrderLineMetadata.parse(item.metadata?.tradepost);

    return {
      position: line.position,
      sku: line.sku,
      variantId: item.variant_id ?? line.variant_id,
      title: line.title,
      description: line.summary || line.title,
      quantity: item.quantity,
      unitPriceMinor: fromMedusaAmount(item.unit_price, currency),
      lineTotalMinor: fromMedusaAmount(item.unit_price, currency) * item.quantity,
      configuration: Object.keys(line.configuration).length ? line.configuration : Prisma.DbNull,
      breakdown: line.breakdown,
      pricingVersionId: line.rule_set_version_id,
      configuratorVersionId: line.model_version_id,
      quoteId: line.quote_id,
      medusaLineId: item.id,
    };
  });
  const now = new Date();
  const order = {
    medusaOrderId: medusa.id,
    medusaDisplayId: medusa.display_id ?? null,
    medusaCartId: meta.medusa_cart_id,
    status: "PLACED" as const,
    pushStatus: "QUEUED" as const,
    currency,
    subtotalMinor: lines.reduce((sum, line) => sum + line.lineTotalMinor, 0),
    shippingMinor: meta.shipping_minor,
    taxMinor: fromMedusaAmount(medusa.tax_total ?? 0, currency),
    totalMinor: fromMedusaAmount(medusa.total, currency),
    shippingAddress: meta.shipping_address as Prisma.InputJsonValue,
    odooAddressId: meta.odoo_address_id,
    carrierId: meta.carrier_id,
    carrierName: meta.carrier_name,
    poNumber: meta.po_number,
    notes: meta.notes,
    requestedDeliveryDate: meta.requested_delivery_date ? new Date(`${meta.requested_delivery_date}T00:00:00Z`) : null,
    paymentTermName: meta.payment_term_name,
    placedAt: now,
  };
  try {
    return await db.$transaction(async (tx) => {
      const request = fresh
        ? null
        : await tx.order.findUnique({ where: { id: meta.order_id }, select: { status: true, medusaOrderId: true } });
      // A racing caller (a parallel submit of the same checkout) recorded this very order since our look-up.
      if (request?.medusaOrderId === medusa.id) return { id: meta.order_id, reference: meta.reference, created: false };
      if (request && request.status !== "PENDING_APPROVAL")
        throw new AppError("CONFLICT", `Order ${meta.reference} cannot be placed (it is ${request.status}).`);
      if (request) {
        await tx.orderLine.deleteMany({ where: { orderId: meta.order_id } });
        await tx.order.update({
          where: { id: meta.order_id, status: "PENDING_APPROVAL" },
          data: order,
          select: { id: true },
        });
      } else {
        await tx.order.create({
          data: {
            id: meta.order_id,
            reference: meta.reference,
            checkoutKey: meta.checkout_key,
            organisationId: meta.organisation_id,
            buyerId: meta.buyer_id,
            source: "CHECKOUT",
            ...order,
          },
          select: { id: true },
        });
      }
      // Not nested in the write above: Prisma would read the order back after its lines, one more
      // round trip inside the transaction.
      await tx.orderLine.createMany({ data: lines.map((line) => ({ ...line, orderId: meta.order_id })) });
      const link = {
        entityType: "order" as const,
        localId: meta.order_id,
        system: "MEDUSA" as const,
        externalId: medusa.id,
      };
      // A fresh order has no link yet; a duplicate one fails the transaction on the unique keys.
      if (fresh) await tx.externalLink.create({ data: { ...link, syncedAt: now } });
      else await linkExternalRecord(link, tx);
      await enqueue(tx, pushOrderToOdooJob, { orderId: meta.order_id }, { singletonKey: meta.order_id });
      await enqueueOrderPlacedEmail(tx, { ...order, id: meta.order_id, reference: meta.reference, lines }, buyer);

      return { id: meta.order_id, reference: meta.reference, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another caller recorded this Medusa order (or this checkout) first: theirs is the one.
    const winner = await db.order.findUnique({
      where: { medusaOrderId: medusa.id },
      select: { id: true, reference: true },
    });
    if (!winner) throw error;
    logger.info({ medusaOrderId: medusa.id }, "checkout: order already recorded by a concurrent caller");

    return { ...winner, created: false };
  }
}
