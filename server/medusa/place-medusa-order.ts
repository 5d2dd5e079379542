import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { callMedusa } from "@/server/medusa/call";
import { toMedusaAmount } from "@/server/medusa/carts";
import { getMedusaAdmin } from "@/server/medusa/client";

// The checkout's one Medusa round trip (POST /admin/tradepost/carts/:id/complete, a workflow in
// stack/medusa) and the look-ups recovery needs. Amounts: minor units here, whole units in Medusa.

const ZMedusaOrderLine = z.object({
  id: z.string(),
  variant_id: z.string().nullish(),
  variant_sku: z.string().nullish(),
  product_title: z.string().nullish(),
  quantity: z.coerce.number(),
  unit_price: z.coerce.number(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export const ZMedusaOrder = z.object({
  id: z.string(),
  display_id: z.coerce.number().nullish(),
  currency_code: z.string(),
  created_at: z.coerce.date().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  total: z.coerce.number(),
  subtotal: z.coerce.number().nullish(),
  tax_total: z.coerce.number().nullish(),
  shipping_total: z.coerce.number().nullish(),
  items: z.array(ZMedusaOrderLine).nullish(),
});

export type TMedusaOrder = z.infer<typeof ZMedusaOrder>;

export type TMedusaAddress = {
  company?: string;
  first_name?: string;
  last_name?: string;
  address_1?: string;
  address_2?: string;
  city?: string;
  postal_code?: string;
  province?: string;
  country_code: string;
  phone?: string;
};

export type TPlaceMedusaOrder = {
  cartId: string;
  currency: string;
  email: string;
  shippingAddress: TMedusaAddress;
  billingAddress: TMedusaAddress;
  shipping: { name: string; amountMinor: number; carrierId: number };
  metadata: Record<string, unknown>;
  lines: { id: string; unitPriceMinor: number; metadata: Record<string, unknown> }[];
};

/**
 * Places the order: one call that sets the addresses, our shipping line, the system payment
 * session and completes the cart. Idempotent per cart: a cart that is already an order answers
 * with that order (`created: false`). UPSTREAM_FAILED when Medusa fails or is too slow (then the
 * cart is not completed, unless the failure came after completion: a retry finds the order).
 */
export async function placeMedusaOrder(input: TPlaceMedusaOrder): Promise<{ order: TMedusaOrder; created: boolean }> {
  const amount = (minor: number) => toMedusaAmount(minor, input.currency);
  const started = performance.now();

  return callMedusa("tradepost.checkout.complete", z.object({ order: ZMedusaOrder, created: z.boolean() }), () =>
    getMedusaAdmin().client.fetch(`/admin/tradepost/carts/${encodeURIComponent(input.cartId)}/complete`, {
      method: "POST",
      body: {
        email: input.email,
        shipping_address: input.shippingAddress,
        billing_address: input.billingAddress,
        shipping: {
          name: input.shipping.name,
          amount: amount(input.shipping.amountMinor),
          data: { odoo_carrier_id: input.shipping.carrierId },
        },
        metadata: input.metadata,
        lines: input.lines.map((line) => ({
          id: line.id,
          unit_price: amount(line.unitPriceMinor),
          metadata: line.metadata,
        })),
      },
    }),
  ).finally(() =>
    // Observable with a PerformanceObserver: the bench tells Tradepost's own time from Medusa's by it.
    performance.measure("tradepost.checkout.medusa", { start: started, detail: { cartId: input.cartId } }),
  );
}

/** The order a cart became, or null (recovery). */
export async function findMedusaOrderOfCart(cartId: string): Promise<TMedusaOrder | null> {
  try {
    const { order } = await callMedusa("tradepost.cart.order", z.object({ order: ZMedusaOrder }), () =>
      getMedusaAdmin().client.fetch(`/admin/tradepost/carts/${encodeURIComponent(cartId)}/order`, { method: "GET" }),
    );

    return order;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Orders Medusa created since `since` that came from Tradepost's checkout (recovery scans these). */
export async function findRecentCheckoutOrders(
  since: Date,
  limit = 200,
): Promise<{ id: string; cartId: string | null }[]> {
  const { orders } = await callMedusa(
    "tradepost.orders.recent",
    z.object({ orders: z.array(z.object({ id: z.string(), metadata: z.record(z.string(), z.unknown()).nullish() })) }),
    () =>
      getMedusaAdmin().admin.order.list({
        created_at: { $gte: since.toISOString() },
        fields: "id,metadata",
        limit,
        order: "-created_at",
      } as never),
  );

  return orders.flatMap((order) => {
    const tradepost = order.metadata?.tradepost as { medusa_cart_id?: unknown } | undefined;
    if (!tradepost) return [];

    return [{ id: order.id, cartId: typeof tradepost.medusa_cart_id === "string" ? tradepost.medusa_cart_id : null }];
  });
}
