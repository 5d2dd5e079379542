// sale.order and sale.order.line: quotations created with (0, 0, vals) line commands,
// confirmed into a delivery, cancelled; taxes through the fiscal position, as Odoo does.
import { UserError } from "../errors";
import type { Env } from "../orm/env";
import type { Registry } from "../orm/registry";
import type { TRecord } from "../orm/types";
import { addressOf, commercialPartnerId } from "./partner";
import { productDisplayName } from "./product";
import { cancelPickings, createDeliveryPicking } from "./stock-validate";

const COMPANY_ID = 1;
const ORDER_STATES: [string, string][] = [
  ["draft", "Quotation"],
  ["sent", "Quotation Sent"],
  ["sale", "Sales Order"],
  ["cancel", "Cancelled"],
];

/** Money rounded to cents, half away from zero (Odoo's float_round). */
export const roundMoney = (value: number) => Math.round(value * 100 + (value >= 0 ? 1e-7 : -1e-7)) / 100;

const linesOf = (env: Env, orderId: number) =>
  env.inverseIds("sale.order.line", "order_id", orderId).map((id) => env.get("sale.order.line", id)!);

function lineAmounts(env: Env, line: TRecord) {
  const subtotal = roundMoney(
    Number(line.product_uom_qty ?? 0) * Number(line.price_unit ?? 0) * (1 - Number(line.discount ?? 0) / 100),
  );
  const rate = ((line.tax_ids as number[]) ?? []).reduce(
    (sum, id) => sum + Number(env.get("account.tax", id)?.amount ?? 0),
    0,
  );
  const tax = roundMoney((subtotal * rate) / 100);

  return { subtotal, tax, total: roundMoney(subtotal + tax) };
}

function orderAmounts(env: Env, order: TRecord) {
  const lines = linesOf(env, order.id).map((line) => lineAmounts(env, line));
  const untaxed = roundMoney(lines.reduce((sum, line) => sum + line.subtotal, 0));
  const tax = roundMoney(lines.reduce((sum, line) => sum + line.tax, 0));

  return { untaxed, tax, total: roundMoney(untaxed + tax) };
}

/** Foreign customers get the auto-applied fiscal position (0% export tax); domestic ones none. */
function fiscalPosition(env: Env, shippingId: number): number | false {
  const companyCountry = env.get("res.company", COMPANY_ID)?.country_id;
  const country =
    env.get("res.partner", shippingId)?.country_id ??
    env.get("res.partner", commercialPartnerId(env, shippingId))?.country_id;
  if (!country || country === companyCountry) return false;
  const position = env.all("account.fiscal.position").find((candidate) => candidate.auto_apply);

  return position?.id ?? false;
}

function lineTaxes(env: Env, orderId: number, productId: number): number[] {
  const product = env.get("product.product", productId);
  const taxes = (env.get("product.template", product?.product_tmpl_id as number)?.taxes_id as number[]) ?? [];
  const positionId = env.get("sale.order", orderId)?.fiscal_position_id as number | false;
  const position = positionId ? env.get("account.fiscal.position", positionId) : undefined;
  // State files written before the emulator knew Odoo's fields kept the mapping as tax_map.
  const mapping = ((position?.__tax_map ?? position?.tax_map) as Record<string, number> | undefined) ?? {};

  return taxes.map((id) => mapping[String(id)] ?? id);
}

export function registerSale(registry: Registry): void {
  registry.register({
    name: "sale.order",
    description: "Sales Order",
    order: "date_order desc, id desc",
    displayName: (record) => String(record.name),
    access: {
      group: "sales_team.group_sale_salesman",
      deniedGroups: [
        "Accounting/Invoicing",
        "Inventory/User",
        "Sales/Administrator",
        "Sales/User: Own Documents Only",
        "Role / Portal",
        "Show Accounting Features - Readonly",
        "Show Full Accounting Features",
      ],
    },
    fields: [
      { name: "name", type: "char", string: "Order Reference", fieldId: 7792 },
      {
        name: "partner_id",
        type: "many2one",
        string: "Customer",
        relation: "res.partner",
        required: true,
        fieldId: 7794,
      },
      {
        name: "state",
        type: "selection",
        string: "Status",
        selection: ORDER_STATES,
        default: () => "draft",
        fieldId: 7795,
      },
      { name: "date_order", type: "datetime", string: "Order Date", default: (env) => env.txNow },
      { name: "client_order_ref", type: "char", string: "Customer Reference", fieldId: 7798 },
      { name: "origin", type: "char", string: "Source Document", fieldId: 7802 },
      { name: "partner_invoice_id", type: "many2one", string: "Invoice Address", relation: "res.partner" },
      { name: "partner_shipping_id", type: "many2one", string: "Delivery Address", relation: "res.partner" },
      { name: "fiscal_position_id", type: "many2one", string: "Fiscal Position", relation: "account.fiscal.position" },
      {
        name: "currency_id",
        type: "many2one",
        string: "Currency",
        relation: "res.currency",
        compute: (_record, env) => env.get("res.company", COMPANY_ID)?.currency_id ?? false,
      },
      {
        name: "order_line",
        type: "one2many",
        string: "Order Lines",
        relation: "sale.order.line",
        inverse: "order_id",
        fieldId: 7824,
      },
      {
        name: "amount_untaxed",
        type: "monetary",
        string: "Untaxed Amount",
        compute: (record, env) => orderAmounts(env, record).untaxed,
      },
      {
        name: "amount_tax",
        type: "monetary",
        string: "Taxes",
        compute: (record, env) => orderAmounts(env, record).tax,
      },
      {
        name: "amount_total",
        type: "monetary",
        string: "Total",
        compute: (record, env) => orderAmounts(env, record).total,
        fieldId: 7827,
      },
      { name: "picking_ids", type: "one2many", string: "Transfers", relation: "stock.picking", inverse: "sale_id" },
      {
        name: "delivery_status",
        type: "selection",
        string: "Delivery Status",
        selection: [
          ["pending", "Not Delivered"],
          ["started", "Started"],
          ["partial", "Partially Delivered"],
          ["full", "Fully Delivered"],
        ],
      },
      {
        name: "invoice_status",
        type: "selection",
        string: "Invoice Status",
        selection: [
          ["upselling", "Upselling Opportunity"],
          ["invoiced", "Fully Invoiced"],
          ["to invoice", "To Invoice"],
          ["no", "Nothing to Invoice"],
        ],
        default: () => "no",
      },
      { name: "note", type: "text", string: "Terms and conditions" },
      { name: "write_date", type: "datetime", string: "Last Updated on", fieldId: 7856 },
    ],
    hooks: {
      prepareCreate: (env, vals) => {
        // The name is drawn first, so a create that fails later still uses it up (S00002, S00003 …).
        vals.name ??= `S${String(env.nextSequence("sale.order")).padStart(5, "0")}`;
        const partnerId = vals.partner_id as number | undefined;
        if (!partnerId || !env.get("res.partner", partnerId)) return;
        // _compute_user_id: the customer's salesperson (or its company's), else whoever creates it.
        const commercial = env.get("res.partner", commercialPartnerId(env, partnerId));
        vals.user_id ??= env.get("res.partner", partnerId)?.user_id || commercial?.user_id || env.uid;
        vals.partner_invoice_id ??= addressOf(env, partnerId, "invoice");
        vals.partner_shipping_id ??= addressOf(env, partnerId, "delivery");
        vals.fiscal_position_id ??= fiscalPosition(env, vals.partner_shipping_id as number);
      },
      beforeUnlink: (env, record) => {
        if (["sale", "sent"].includes(String(record.state)))
          throw UserError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
        for (const line of linesOf(env, record.id)) env.remove("sale.order.line", line.id);
      },
    },
    methods: {
      action_confirm: {
        level: "record",
        params: [],
        run: (env, _model, { ids }) => {
          env.write("sale.order", ids, {});
          for (const id of ids) {
            const order = env.get("sale.order", id)!;
            if (!["draft", "sent"].includes(String(order.state))) continue;
            const pickingId = createDeliveryPicking(env, order, linesOf(env, id));
            env.update("sale.order", id, {
              delivery_status: pickingId ? "pending" : false,
              invoice_status: "to invoice",
            });
            env.write("sale.order", [id], { state: "sale" });
          }

          return true;
        },
      },
      action_cancel: {
        level: "record",
        params: [],
        run: (env, _model, { ids }) => {
          env.write("sale.order", ids, {});
          for (const id of ids) {
            cancelPickings(env, id);
            env.update("sale.order", id, { invoice_status: "no" });
            env.write("sale.order", [id], { state: "cancel" });
          }

          return true;
        },
      },
    },
  });
  registerOrderLine(registry);
}

function registerOrderLine(registry: Registry): void {
  registry.register({
    name: "sale.order.line",
    description: "Sales Order Line",
    order: "order_id, sequence, id",
    access: registry.get("sale.order")!.access,
    displayName: (record, env) => {
      const order = env.get("sale.order", record.order_id as number);
      const product = record.product_id
        ? env.displayName("product.product", record.product_id as number)
        : String(record.name ?? "");
      const ref = order ? env.get("res.partner", order.partner_id as number)?.ref : false;

      return `${order?.name ?? ""} - ${product}${ref ? ` (${String(ref)})` : ""}`;
    },
    fields: [
      { name: "order_id", type: "many2one", string: "Order Reference", relation: "sale.order", required: true },
      { name: "sequence", type: "integer", string: "Sequence", default: () => 10 },
      {
        name: "display_type",
        type: "selection",
        string: "Display Type",
        selection: [
          ["line_section", "Section"],
          ["line_subsection", "Subsection"],
          ["line_note", "Note"],
        ],
      },
      { name: "product_id", type: "many2one", string: "Product", relation: "product.product" },
      { name: "name", type: "text", string: "Description" },
      { name: "product_uom_qty", type: "float", string: "Quantity", default: () => 1 },
      { name: "product_uom_id", type: "many2one", string: "Unit", relation: "uom.uom" },
      { name: "qty_delivered", type: "float", string: "Delivery Quantity" },
      { name: "qty_invoiced", type: "float", string: "Invoiced Quantity" },
      { name: "price_unit", type: "float", string: "Unit Price" },
      { name: "discount", type: "float", string: "Discount (%)" },
      {
        name: "price_subtotal",
        type: "monetary",
        string: "Subtotal",
        compute: (record, env) => lineAmounts(env, record).subtotal,
      },
      { name: "price_tax", type: "float", string: "Total Tax", compute: (record, env) => lineAmounts(env, record).tax },
      {
        name: "price_total",
        type: "monetary",
        string: "Total",
        compute: (record, env) => lineAmounts(env, record).total,
      },
      { name: "tax_ids", type: "many2many", string: "Taxes", relation: "account.tax" },
    ],
    hooks: {
      prepareCreate: (env, vals) => {
        const product = env.get("product.product", vals.product_id as number);
        if (!product) return;
        const template = env.get("product.template", product.product_tmpl_id as number)!;
        // Odoo's get_product_multiline_description_sale: the display name, then the sales description.
        const description = template.description_sale ? `\n${String(template.description_sale)}` : "";
        vals.name ??= `${productDisplayName(template)}${description}`;
        vals.price_unit ??= template.list_price;
        vals.product_uom_id ??= template.uom_id;
        vals.tax_ids ??= lineTaxes(env, vals.order_id as number, product.id);
      },
    },
  });
}
