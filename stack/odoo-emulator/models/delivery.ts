// delivery (+ stock_delivery): carriers with a fixed price or weight/price rules.
import type { Registry } from "../orm/registry";
import type { TRecord } from "../orm/types";

const VARIABLES: [string, string][] = [
  ["weight", "Weight"],
  ["volume", "Volume"],
  ["wv", "Weight * Volume"],
  ["price", "Price"],
  ["quantity", "Quantity"],
];

// "if weight <= 5.00 then fixed price $ 6.90" (with a no-break space, as Odoo formats USD).
function ruleName(record: TRecord): string {
  const money = (value: number) => `$\u00a0${value.toFixed(2)}`;
  const base = `if ${String(record.variable)} ${String(record.operator)} ${Number(record.max_value ?? 0).toFixed(2)} then`;
  const fixed = Number(record.list_base_price ?? 0);
  const perUnit = Number(record.list_price ?? 0);
  if (perUnit)
    return `${base}${fixed ? ` fixed price ${money(fixed)} plus` : ""} ${money(perUnit)} times ${String(record.variable_factor)}`;

  return `${base} fixed price ${money(fixed)}`;
}

export function registerDelivery(registry: Registry): void {
  registry.register({
    name: "delivery.carrier",
    description: "Shipping Methods",
    order: "sequence, id",
    module: "delivery",
    displayName: (record) => String(record.name),
    fields: [
      { name: "name", type: "char", string: "Delivery Method", required: true },
      { name: "sequence", type: "integer", string: "Sequence", default: () => 10 },
      {
        name: "delivery_type",
        type: "selection",
        string: "Provider",
        selection: [
          ["base_on_rule", "Based on Rules"],
          ["fixed", "Fixed Price"],
        ],
        default: () => "fixed",
      },
      { name: "fixed_price", type: "float", string: "Fixed Price" },
      { name: "product_id", type: "many2one", string: "Delivery Product", relation: "product.product", required: true },
      { name: "country_ids", type: "many2many", string: "Countries", relation: "res.country" },
      {
        name: "price_rule_ids",
        type: "one2many",
        string: "Pricing Rules",
        relation: "delivery.price.rule",
        inverse: "carrier_id",
      },
      { name: "free_over", type: "boolean", string: "Free if order amount is above" },
      { name: "amount", type: "float", string: "Amount" },
      { name: "active", type: "boolean", string: "Active", default: () => true },
    ],
  });
  registry.register({
    name: "delivery.price.rule",
    description: "Delivery Price Rules",
    order: "sequence, list_price, id",
    module: "delivery",
    displayName: ruleName,
    fields: [
      { name: "carrier_id", type: "many2one", string: "Carrier", relation: "delivery.carrier", required: true },
      { name: "name", type: "char", string: "Name", compute: ruleName },
      { name: "sequence", type: "integer", string: "Sequence", default: () => 10 },
      { name: "variable", type: "selection", string: "Variable", selection: VARIABLES, default: () => "quantity" },
      {
        name: "operator",
        type: "selection",
        string: "Operator",
        selection: [
          ["==", "="],
          ["<=", "<="],
          ["<", "<"],
          [">=", ">="],
          [">", ">"],
        ],
        default: () => "<=",
      },
      { name: "max_value", type: "float", string: "Maximum Value", required: true },
      { name: "list_base_price", type: "float", string: "Sale Base Price" },
      { name: "list_price", type: "float", string: "Sale Price" },
      {
        name: "variable_factor",
        type: "selection",
        string: "Variable Factor",
        selection: VARIABLES,
        default: () => "weight",
      },
    ],
  });
}
