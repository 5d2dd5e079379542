import "server-only";
import { z } from "zod";
import { ZLineMetadata } from "@/lib/cart/line-metadata";
import type { TCheckoutPlan } from "@/server/checkout/validate-checkout";

// What a Tradepost order carries in Medusa (metadata.tradepost on the order and on each line):
// enough to record it in Tradepost from Medusa alone, which is what recovery does when our
// transaction failed after Medusa completed the cart.

export const ZOrderMetadata = z.object({
  order_id: z.uuid(),
  reference: z.string(),
  checkout_key: z.string().nullable(),
  organisation_id: z.string(),
  buyer_id: z.string(),
  medusa_cart_id: z.string(),
  po_number: z.string().nullable(),
  notes: z.string().nullable(),
  requested_delivery_date: z.string().nullable(),
  /** The approval request's reference, when the order needed approval (the order reference then). */
  approval_reference: z.string().nullable(),
  odoo_address_id: z.number().int(),
  shipping_address: z.record(z.string(), z.unknown()),
  carrier_id: z.number().int(),
  carrier_name: z.string(),
  shipping_minor: z.number().int(),
  subtotal_minor: z.number().int(),
  payment_term_name: z.string().nullable(),
});

export const ZOrderLineMetadata = ZLineMetadata.extend({
  quote_id: z.string(),
  title: z.string(),
  position: z.number().int(),
  unit_price_minor: z.number().int(),
  line_total_minor: z.number().int(),
  variant_id: z.string().nullable(),
});

export type TOrderMetadata = z.infer<typeof ZOrderMetadata>;
export type TOrderLineMetadata = z.infer<typeof ZOrderLineMetadata>;

export function orderMetadata(
  plan: TCheckoutPlan,
  ids: {
    orderId: string;
    reference: string;
    checkoutKey: string | null;
    organisationId: string;
    buyerId: string;
    medusaCartId: string;
    approvalReference: string | null;
  },
): TOrderMetadata {
  const { address } = plan;

  return {
    order_id: ids.orderId,
    reference: ids.reference,
    checkout_key: ids.checkoutKey,
    organisation_id: ids.organisationId,
    buyer_id: ids.buyerId,
    medusa_cart_id: ids.medusaCartId,
    po_number: plan.poNumber,
    notes: plan.notes,
    requested_delivery_date: plan.requestedDeliveryDate,
    approval_reference: ids.approvalReference,
    odoo_address_id: address.id,
    shipping_address: { ...address },
    carrier_id: plan.carrier.id,
    carrier_name: plan.carrier.name,
    shipping_minor: plan.carrier.priceMinor,
    subtotal_minor: plan.totals.subtotalMinor,
    payment_term_name: plan.paymentTermName,
  };
}

export function lineMetadata(line: TCheckoutPlan["lines"][number]): TOrderLineMetadata {
  return {
    ...line.metadata,
    quote_id: line.quoteId,
    title: line.title,
    position: line.position,
    unit_price_minor: line.unitPriceMinor,
    line_total_minor: line.lineTotalMinor,
    variant_id: line.variantId,
  };
}

/** A cached Odoo address as Medusa's address fields. */
export function toMedusaAddress(address: TCheckoutPlan["address"], company: string) {
  const text = (value: string | null) => value ?? undefined;

  return {
    company,
    first_name: text(address.name),
    address_1: text(address.street),
    address_2: text(address.street2),
    city: text(address.city),
    postal_code: text(address.zip),
    province: text(address.stateName),
    country_code: (address.countryCode ?? "").toLowerCase(),
    phone: text(address.phone),
  };
}
