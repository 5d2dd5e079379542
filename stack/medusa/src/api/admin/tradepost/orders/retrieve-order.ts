import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";

export const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "email",
  "currency_code",
  "customer_id",
  "created_at",
  "metadata",
  "total",
  "subtotal",
  "item_subtotal",
  "tax_total",
  "shipping_total",
  "items.id",
  "items.variant_id",
  "items.variant_sku",
  "items.product_title",
  "items.quantity",
  "items.unit_price",
  "items.metadata",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_address.*",
];

/** The order a cart became (Medusa's order ↔ cart link), or null. */
export async function findOrderOfCart(container: MedusaContainer, cartId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } });

  return (data[0]?.order_id as string | undefined) ?? null;
}

export async function retrieveOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } });

  return data[0] ?? null;
}
