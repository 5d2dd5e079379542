// product.template and product.product (one variant per template here). The variant
// delegates its template fields: creating a variant creates its template (same id, as the
// recording shows), writing list_price on a variant writes the template.
import type { Env } from "../orm/env";
import type { Registry } from "../orm/registry";
import type { TFieldDef, TRecord } from "../orm/types";
import { availableQuantity, onHandQuantity, reservedQuantity } from "./stock-quantities";

const TYPE_SELECTION: [string, string][] = [
  ["consu", "Goods"],
  ["service", "Service"],
  ["combo", "Combo"],
];

const TEMPLATE_FIELDS: TFieldDef[] = [
  { name: "name", type: "char", string: "Name", required: true },
  { name: "default_code", type: "char", string: "Internal Reference" },
  { name: "barcode", type: "char", string: "Barcode" },
  { name: "list_price", type: "float", string: "Sales Price", default: () => 1 },
  { name: "standard_price", type: "float", string: "Cost" },
  {
    name: "type",
    type: "selection",
    string: "Product Type",
    selection: TYPE_SELECTION,
    default: () => "consu",
    ownerModel: "product.template",
  },
  { name: "is_storable", type: "boolean", string: "Track Inventory" },
  { name: "sale_ok", type: "boolean", string: "Can be Sold", default: () => true },
  { name: "uom_id", type: "many2one", string: "Unit", relation: "uom.uom", default: () => 1 },
  { name: "categ_id", type: "many2one", string: "Product Category", relation: "product.category" },
  { name: "taxes_id", type: "many2many", string: "Sales Taxes", relation: "account.tax", default: () => [1] },
  { name: "weight", type: "float", string: "Weight" },
  { name: "active", type: "boolean", string: "Active", default: () => true },
];
const TEMPLATE_FIELD_NAMES = TEMPLATE_FIELDS.map((field) => field.name);

export function productDisplayName(record: TRecord): string {
  return record.default_code ? `[${String(record.default_code)}] ${String(record.name)}` : String(record.name ?? "");
}

function template(env: Env, product: TRecord): TRecord {
  return env.get("product.template", product.product_tmpl_id as number) ?? ({ id: 0 } as TRecord);
}

function delegated(field: TFieldDef): TFieldDef {
  const { default: _default, required: _required, fieldId: _fieldId, ...rest } = field;

  return {
    ...rest,
    compute: (record, env) =>
      template(env, record)[field.name] ?? (field.type === "many2many" ? [] : field.type === "float" ? 0 : false),
  };
}

const stockFigure = (name: string, string: string, compute: (env: Env, productId: number) => number): TFieldDef => ({
  name,
  type: "float",
  string,
  compute: (record, env) => compute(env, record.id),
});

export function registerProducts(registry: Registry): void {
  registry.register({
    name: "product.category",
    description: "Product Category",
    order: "name",
    fields: [{ name: "name", type: "char", string: "Name", required: true }],
    displayName: (record) => String(record.name),
  });
  registry.register({
    name: "product.template",
    description: "Product",
    order: "name",
    displayName: productDisplayName,
    fields: [
      ...TEMPLATE_FIELDS,
      {
        name: "product_variant_ids",
        type: "one2many",
        string: "Products",
        relation: "product.product",
        inverse: "product_tmpl_id",
      },
      {
        name: "product_variant_count",
        type: "integer",
        string: "# Product Variants",
        compute: (record, env) => env.inverseIds("product.product", "product_tmpl_id", record.id).length,
      },
    ],
  });
  registry.register({
    name: "product.product",
    description: "Product Variant",
    order: "default_code, name, id",
    displayName: (record, env) => productDisplayName(template(env, record)),
    fields: [
      ...TEMPLATE_FIELDS.map(delegated),
      { name: "product_tmpl_id", type: "many2one", string: "Product Template", relation: "product.template" },
      {
        name: "lst_price",
        type: "float",
        string: "Sales Price",
        compute: (record, env) => Number(template(env, record).list_price ?? 0),
      },
      stockFigure("qty_available", "Quantity On Hand", onHandQuantity),
      stockFigure("free_qty", "Free To Use Quantity", availableQuantity),
      stockFigure("virtual_available", "Forecasted Quantity", (env, id) => onHandQuantity(env, id) - outgoing(env, id)),
      stockFigure("incoming_qty", "Incoming", () => 0),
      stockFigure("outgoing_qty", "Outgoing", outgoing),
    ],
    hooks: {
      prepareCreate: (env, vals) => {
        if (vals.product_tmpl_id) return;
        const templateVals = Object.fromEntries(
          Object.entries(vals).filter(([name]) => TEMPLATE_FIELD_NAMES.includes(name)),
        );
        vals.product_tmpl_id = env.create("product.template", templateVals);
      },
      afterWrite: (env, record, vals) => {
        const templateVals = Object.fromEntries(
          Object.entries(vals).filter(([name]) => TEMPLATE_FIELD_NAMES.includes(name)),
        );
        if ("lst_price" in vals) templateVals.list_price = vals.lst_price;
        if (Object.keys(templateVals).length)
          env.write("product.template", [record.product_tmpl_id as number], templateVals);
      },
    },
  });
}

function outgoing(env: Env, productId: number): number {
  return env
    .all("stock.move")
    .filter(
      (move) =>
        move.product_id === productId &&
        !["done", "cancel", "draft"].includes(String(move.state)) &&
        move.picking_code === "outgoing",
    )
    .reduce((sum, move) => sum + Number(move.product_uom_qty), 0);
}

export { reservedQuantity };
