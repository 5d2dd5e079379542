import "server-only";
import { z } from "zod";
import { odooBoolean, odooDatetime, odooIds, odooMany2one, odooNumber, odooText } from "@/server/odoo/mappers";

// Generic record schemas kept for the client's own tests (client.integration.test.ts).
// Application code does not use them: each gateway (partners.ts, products.ts, stock.ts,
// sale-orders.ts, pickings.ts, carriers.ts) owns its fields, schema and queries, with money in
// minor units. Delete this file once the client tests read through their own schemas.

const record = <T extends z.ZodRawShape>(shape: T) => z.object({ id: z.number().int(), ...shape });
const fieldsOf = (shape: z.ZodRawShape) => Object.keys(shape);

const PARTNER = {
  name: odooText,
  is_company: odooBoolean,
  type: odooText,
  ref: odooText,
  email: odooText,
  phone: odooText,
  street: odooText,
  street2: odooText,
  zip: odooText,
  city: odooText,
  country_id: odooMany2one,
  parent_id: odooMany2one,
  child_ids: odooIds,
  commercial_partner_id: odooMany2one,
  credit_limit: odooNumber,
  property_payment_term_id: odooMany2one,
  active: odooBoolean,
  write_date: odooDatetime,
};
export const PARTNER_FIELDS = fieldsOf(PARTNER);
export const ZOdooPartner = record(PARTNER).transform((p) => ({
  id: p.id,
  name: p.name,
  isCompany: p.is_company,
  type: p.type,
  ref: p.ref,
  email: p.email,
  phone: p.phone,
  address: { street: p.street, street2: p.street2, zip: p.zip, city: p.city, country: p.country_id },
  parent: p.parent_id,
  childIds: p.child_ids,
  commercialPartner: p.commercial_partner_id,
  creditLimit: p.credit_limit,
  paymentTerm: p.property_payment_term_id,
  active: p.active,
  writeDate: p.write_date,
}));

const PRODUCT = {
  name: odooText,
  default_code: odooText,
  list_price: odooNumber,
  type: odooText,
  is_storable: odooBoolean,
  product_tmpl_id: odooMany2one,
  uom_id: odooMany2one,
  active: odooBoolean,
  qty_available: odooNumber,
  free_qty: odooNumber,
  write_date: odooDatetime,
};
export const PRODUCT_FIELDS = fieldsOf(PRODUCT);
export const ZOdooProduct = record(PRODUCT).transform((p) => ({
  id: p.id,
  name: p.name,
  sku: p.default_code,
  listPrice: p.list_price,
  type: p.type,
  isStorable: p.is_storable,
  template: p.product_tmpl_id,
  uom: p.uom_id,
  active: p.active,
  qtyAvailable: p.qty_available,
  freeQty: p.free_qty,
  writeDate: p.write_date,
}));

const QUANT = {
  product_id: odooMany2one,
  location_id: odooMany2one,
  quantity: odooNumber,
  reserved_quantity: odooNumber,
  available_quantity: odooNumber,
  write_date: odooDatetime,
};
export const QUANT_FIELDS = fieldsOf(QUANT);
export const ZOdooQuant = record(QUANT).transform((q) => ({
  id: q.id,
  product: q.product_id,
  location: q.location_id,
  quantity: q.quantity,
  reserved: q.reserved_quantity,
  available: q.available_quantity,
  writeDate: q.write_date,
}));

const SALE_ORDER = {
  name: odooText,
  state: odooText,
  client_order_ref: odooText,
  origin: odooText,
  partner_id: odooMany2one,
  partner_shipping_id: odooMany2one,
  date_order: odooDatetime,
  amount_untaxed: odooNumber,
  amount_tax: odooNumber,
  amount_total: odooNumber,
  currency_id: odooMany2one,
  order_line: odooIds,
  picking_ids: odooIds,
  delivery_status: odooText,
  invoice_status: odooText,
  write_date: odooDatetime,
};
export const SALE_ORDER_FIELDS = fieldsOf(SALE_ORDER);
export const ZOdooSaleOrder = record(SALE_ORDER).transform((o) => ({
  id: o.id,
  name: o.name,
  state: o.state,
  clientOrderRef: o.client_order_ref,
  origin: o.origin,
  partner: o.partner_id,
  shippingAddress: o.partner_shipping_id,
  dateOrder: o.date_order,
  amountUntaxed: o.amount_untaxed,
  amountTax: o.amount_tax,
  amountTotal: o.amount_total,
  currency: o.currency_id,
  lineIds: o.order_line,
  pickingIds: o.picking_ids,
  deliveryStatus: o.delivery_status,
  invoiceStatus: o.invoice_status,
  writeDate: o.write_date,
}));

const SALE_ORDER_LINE = {
  order_id: odooMany2one,
  product_id: odooMany2one,
  name: odooText,
  product_uom_qty: odooNumber,
  qty_delivered: odooNumber,
  price_unit: odooNumber,
  discount: odooNumber,
  price_subtotal: odooNumber,
  price_total: odooNumber,
  tax_ids: odooIds,
};
export const SALE_ORDER_LINE_FIELDS = fieldsOf(SALE_ORDER_LINE);
export const ZOdooSaleOrderLine = record(SALE_ORDER_LINE).transform((l) => ({
  id: l.id,
  order: l.order_id,
  product: l.product_id,
  description: l.name,
  quantity: l.product_uom_qty,
  quantityDelivered: l.qty_delivered,
  priceUnit: l.price_unit,
  discountPercent: l.discount,
  subtotal: l.price_subtotal,
  total: l.price_total,
  taxIds: l.tax_ids,
}));

const PICKING = {
  name: odooText,
  state: odooText,
  origin: odooText,
  sale_id: odooMany2one,
  partner_id: odooMany2one,
  carrier_id: odooMany2one,
  carrier_tracking_ref: odooText,
  scheduled_date: odooDatetime,
  date_done: odooDatetime,
  move_ids: odooIds,
  backorder_id: odooMany2one,
  write_date: odooDatetime,
};
export const PICKING_FIELDS = fieldsOf(PICKING);
export const ZOdooPicking = record(PICKING).transform((p) => ({
  id: p.id,
  name: p.name,
  state: p.state,
  origin: p.origin,
  saleOrder: p.sale_id,
  partner: p.partner_id,
  carrier: p.carrier_id,
  trackingRef: p.carrier_tracking_ref,
  scheduledDate: p.scheduled_date,
  dateDone: p.date_done,
  moveIds: p.move_ids,
  backorderOf: p.backorder_id,
  writeDate: p.write_date,
}));

const CARRIER = {
  name: odooText,
  delivery_type: odooText,
  fixed_price: odooNumber,
  product_id: odooMany2one,
  country_ids: odooIds,
  price_rule_ids: odooIds,
  active: odooBoolean,
};
export const CARRIER_FIELDS = fieldsOf(CARRIER);
export const ZOdooCarrier = record(CARRIER).transform((c) => ({
  id: c.id,
  name: c.name,
  deliveryType: c.delivery_type,
  fixedPrice: c.fixed_price,
  product: c.product_id,
  countryIds: c.country_ids,
  priceRuleIds: c.price_rule_ids,
  active: c.active,
}));

export type TOdooPartner = z.infer<typeof ZOdooPartner>;
export type TOdooProduct = z.infer<typeof ZOdooProduct>;
export type TOdooQuant = z.infer<typeof ZOdooQuant>;
export type TOdooSaleOrder = z.infer<typeof ZOdooSaleOrder>;
export type TOdooSaleOrderLine = z.infer<typeof ZOdooSaleOrderLine>;
export type TOdooPicking = z.infer<typeof ZOdooPicking>;
export type TOdooCarrier = z.infer<typeof ZOdooCarrier>;
