import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";

// Fulfilments, shipments and cancellation of Medusa orders through the admin API, for what
// Odoo's warehouse and sales people do (J5, cancellations). Medusa has no idempotency key
// either: each fulfilment carries the Odoo picking id in its metadata, and is looked up by it
// before one is created.

const ZItem = z.object({
  id: z.string(),
  title: z.string(),
  quantity: z.coerce.number(),
  variant_sku: z.string().nullish(),
  variant_id: z.string().nullish(),
  detail: z.object({ fulfilled_quantity: z.coerce.number().nullish() }).loose().nullish(),
});
const ZLabel = z.object({ tracking_number: z.string().nullish() }).loose();
const ZFulfillment = z.object({
  id: z.string(),
  shipped_at: z.string().nullish(),
  canceled_at: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  labels: z.array(ZLabel).nullish(),
  items: z.array(z.object({ line_item_id: z.string().nullish(), quantity: z.coerce.number() }).loose()).nullish(),
});
const ZOrder = z.object({
  id: z.string(),
  display_id: z.coerce.number().nullish(),
  status: z.string(),
  email: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  items: z.array(ZItem).nullish(),
  fulfillments: z.array(ZFulfillment).nullish(),
  shipping_methods: z.array(z.object({ shipping_option_id: z.string().nullish() }).loose()).nullish(),
});
const ZOrderResponse = z.object({ order: ZOrder });
const ZOrderIdResponse = z.object({ order: z.object({ id: z.string() }) });
const ZShippingOptions = z.object({ shipping_options: z.array(z.object({ id: z.string(), name: z.string() })) });

export type TMedusaFulfilment = {
  id: string;
  odooPickingId: number | null;
  shipped: boolean;
  cancelled: boolean;
  trackingNumbers: string[];
  items: { lineItemId: string; quantity: number }[];
};
export type TMedusaAdminOrder = {
  id: string;
  displayId: number | null;
  status: string;
  metadata: Record<string, unknown>;
  items: { id: string; title: string; sku: string | null; quantity: number; fulfilledQuantity: number }[];
  fulfilments: TMedusaFulfilment[];
  shippingOptionId: string | null;
};

const ORDER_FIELDS =
  "id,display_id,status,email,metadata,*items,items.detail.*,*fulfillments,fulfillments.labels.*," +
  "fulfillments.items.*,shipping_methods.shipping_option_id";

function toOrder(order: z.infer<typeof ZOrder>): TMedusaAdminOrder {
  return {
    id: order.id,
    displayId: order.display_id ?? null,
    status: order.status,
    metadata: order.metadata ?? {},
    items: (order.items ?? []).map((item) => ({
      id: item.id,
      title: item.title,
      sku: item.variant_sku ?? null,
      quantity: item.quantity,
      fulfilledQuantity: item.detail?.fulfilled_quantity ?? 0,
    })),
    fulfilments: (order.fulfillments ?? []).map((fulfilment) => ({
      id: fulfilment.id,
      odooPickingId: Number(fulfilment.metadata?.odoo_picking_id) || null,
      shipped: !!fulfilment.shipped_at,
      cancelled: !!fulfilment.canceled_at,
      trackingNumbers: (fulfilment.labels ?? []).map((label) => label.tracking_number ?? "").filter(Boolean),
      items: (fulfilment.items ?? []).map((item) => ({ lineItemId: item.line_item_id ?? "", quantity: item.quantity })),
    })),
    shippingOptionId: order.shipping_methods?.find((method) => method.shipping_option_id)?.shipping_option_id ?? null,
  };
}

/**
 * callMedusa, except that Medusa refusing the request itself (a 4xx other than 404/429) is a
 * permanent INVALID_STATE carrying Medusa's reason: retrying the same request cannot help.
 */
async function adminCall<T extends z.ZodType>(label: string, schema: T, call: () => Promise<unknown>) {
  let refusal: string | null = null;
  try {
    return await callMedusa(label, schema, async () => {
      try {
        return await call();
      } catch (error) {
        const status = (error as { status?: number }).status ?? 0;
        if (status >= 400 && status < 500 && status !== 404 && status !== 429)
          refusal = error instanceof Error ? error.message : String(error);
        throw error;
      }
    });
  } catch (error) {
    if (refusal !== null)
      throw new AppError("INVALID_STATE", `Medusa refused ${label}: ${refusal}`, undefined, { retryable: false });
    throw error;
  }
}

/** A Medusa order with its items (fulfilled quantities) and fulfilments; null when Medusa has none. Reads only. */
export async function getMedusaAdminOrder(orderId: string): Promise<TMedusaAdminOrder | null> {
  try {
    const { order } = await adminCall("admin.order.retrieve", ZOrderResponse, () =>
      getMedusaAdmin().admin.order.retrieve(orderId, { fields: ORDER_FIELDS }),
    );

    return toOrder(order);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/**
 * The store's first shipping option: orders created without a shipping method (sales-rep orders
 * without a delivery line) are fulfilled through it, since Medusa needs one to find the location.
 */
export async function getDefaultShippingOptionId(): Promise<string> {
  const { shipping_options: options } = await adminCall("admin.shippingOption.list", ZShippingOptions, () =>
    getMedusaAdmin().admin.shippingOption.list({ fields: "id,name", limit: 20 }),
  );
  if (!options[0])
    throw new AppError("INVALID_STATE", "Medusa has no shipping option to fulfil orders with.", undefined, {
      retryable: false,
    });

  return options[0].id;
}

export type TShipmentInput = {
  orderId: string;
  odooPickingId: number;
  items: { lineItemId: string; quantity: number }[];
  trackingRef: string | null;
  carrierName: string | null;
};

/**
 * The fulfilment of one Odoo delivery, shipped with its tracking number: found by the picking
 * id in its metadata, else created; shipped if it is not yet. Idempotent (a crash between the
 * two calls is resumed by the next attempt). Returns the fulfilment id.
 */
export async function ensureShippedFulfilment(input: TShipmentInput): Promise<string> {
  const order = await getMedusaAdminOrder(input.orderId);
  if (!order) throw new AppError("NOT_FOUND", `Medusa has no order ${input.orderId}.`);
  let fulfilment = order.fulfilments.find((f) => f.odooPickingId === input.odooPickingId && !f.cancelled);
  const items = input.items.map((item) => ({ id: item.lineItemId, quantity: item.quantity }));
  if (!fulfilment) {
    const shippingOptionId = order.shippingOptionId ?? (await getDefaultShippingOptionId());
    const { order: updated } = await adminCall("admin.order.createFulfillment", ZOrderResponse, () =>
      getMedusaAdmin().admin.order.createFulfillment(
        input.orderId,
        {
          items,
          shipping_option_id: shippingOptionId,
          no_notification: true,
          metadata: {
            odoo_picking_id: input.odooPickingId,
            carrier: input.carrierName,
            tracking_ref: input.trackingRef,
          },
        },
        { fields: ORDER_FIELDS },
      ),
    );
    fulfilment = toOrder(updated).fulfilments.find((f) => f.odooPickingId === input.odooPickingId && !f.cancelled);
    if (!fulfilment) throw new AppError("UPSTREAM_FAILED", "Medusa did not return the fulfilment it created.");
  }
  if (!fulfilment.shipped) {
    const fulfilmentId = fulfilment.id;
    await adminCall("admin.order.createShipment", ZOrderIdResponse, () =>
      getMedusaAdmin().admin.order.createShipment(
        input.orderId,
        fulfilmentId,
        {
          items,
          labels: input.trackingRef ? [{ tracking_number: input.trackingRef, tracking_url: "#", label_url: "#" }] : [],
          no_notification: true,
        },
        { fields: "id" },
      ),
    );
  }

  return fulfilment.id;
}

/** Cancels a Medusa order; one already cancelled is left alone (`cancelled: false`). Idempotent. */
export async function cancelMedusaOrder(orderId: string): Promise<{ cancelled: boolean }> {
  const order = await getMedusaAdminOrder(orderId);
  if (!order) throw new AppError("NOT_FOUND", `Medusa has no order ${orderId}.`);
  if (order.status === "canceled") return { cancelled: false };
  await adminCall("admin.order.cancel", ZOrderResponse, () => getMedusaAdmin().admin.order.cancel(orderId));

  return { cancelled: true };
}
