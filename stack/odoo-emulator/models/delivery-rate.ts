// delivery: the shipping price Odoo puts on a sale order, through the wizard Odoo's UI uses
// (choose.delivery.carrier: create it with order_id and carrier_id, call update_price, read
// delivery_price). Taken from Odoo's source (addons/delivery): update_price → _get_delivery_rate →
// delivery.carrier.rate_shipment(order) → fixed_rate_shipment / base_on_rule_rate_shipment →
// _get_price_available (order lines: not cancelled, not delivery lines, not services) →
// _get_price_from_picking (free over the amount, else the first rule that holds, in the rules'
// order), then _apply_margins (rule-based only) and, for fixed prices, free over the amount.
// Not modelled: state and zip restrictions, max weight/volume, product tags, currency
// conversion, taxes included in the delivery product's price, UoM conversion.
import { UserError } from "../errors";
import type { Env } from "../orm/env";
import type { Registry } from "../orm/registry";
import type { TRecord } from "../orm/types";

type TMeasures = { price: number; weight: number; volume: number; wv: number; quantity: number };
type TRate = { success: true; price: number; carrierPrice: number } | { success: false; error: string };

const NOT_AVAILABLE = "Error: this delivery method is not available for this address.";
const NO_RULE = "No price rule matching this order; delivery cost cannot be computed.";

const num = (value: unknown) => Number(value ?? 0) || 0;

function orderLines(env: Env, order: TRecord): TRecord[] {
  return env.inverseIds("sale.order.line", "order_id", order.id).map((id) => env.get("sale.order.line", id)!);
}

/** sale.order._compute_amount_total_without_delivery */
function totalWithoutDelivery(env: Env, order: TRecord): number {
  const delivery = orderLines(env, order)
    .filter((line) => line.is_delivery)
    .reduce((sum, line) => sum + num(env.valueOf("sale.order.line", line, "price_total")), 0);

  return num(env.valueOf("sale.order", order, "amount_total")) - delivery;
}

/** delivery.carrier._get_price_available's totals, line by line in floats as Odoo sums them. */
function measures(env: Env, order: TRecord): TMeasures {
  let weight = 0;
  let volume = 0;
  let wv = 0;
  let quantity = 0;
  for (const line of orderLines(env, order)) {
    if (line.state === "cancel" || line.is_delivery || !line.product_id) continue;
    const product = env.get("product.product", line.product_id as number);
    if (!product || env.valueOf("product.product", product, "type") === "service") continue;
    const qty = num(line.product_uom_qty);
    const productWeight = num(env.valueOf("product.product", product, "weight"));
    const productVolume = num(env.valueOf("product.product", product, "volume"));
    weight += productWeight * qty;
    volume += productVolume * qty;
    wv += productWeight * productVolume * qty;
    quantity += qty;
  }

  return { price: totalWithoutDelivery(env, order), weight, volume, wv: wv || volume * weight, quantity };
}

/** delivery.carrier._match_address (countries only). */
function matchesAddress(env: Env, carrier: TRecord, order: TRecord): boolean {
  const countries = (carrier.country_ids as number[] | undefined) ?? [];
  if (!countries.length) return true;
  const partner = env.get("res.partner", (order.partner_shipping_id ?? order.partner_id) as number);

  return countries.includes(partner?.country_id as number);
}

function holds(value: number, operator: string, maxValue: number): boolean {
  if (operator === "==") return value === maxValue;
  if (operator === "<=") return value <= maxValue;
  if (operator === "<") return value < maxValue;
  if (operator === ">=") return value >= maxValue;

  return value > maxValue;
}

/** delivery.carrier.rate_shipment for the two providers the delivery module has. */
export function rateShipment(env: Env, carrier: TRecord, order: TRecord): TRate {
  if (!matchesAddress(env, carrier, order)) return { success: false, error: NOT_AVAILABLE };
  const freeOver = Boolean(carrier.free_over);
  const amount = num(carrier.amount);
  if (carrier.delivery_type !== "base_on_rule") {
    const price = num(carrier.fixed_price);
    const free = freeOver && totalWithoutDelivery(env, order) >= amount;

    return { success: true, price: free ? 0 : price, carrierPrice: price };
  }

  const totals = measures(env, order);
  let price: number;
  if (freeOver && totals.price >= amount) price = 0;
  else {
    const ruleIds = env.inverseIds("delivery.price.rule", "carrier_id", carrier.id);
    const rule = ruleIds
      .map((id) => env.get("delivery.price.rule", id)!)
      .find((candidate) =>
        holds(totals[candidate.variable as keyof TMeasures], String(candidate.operator), num(candidate.max_value)),
      );
    if (!rule) return { success: false, error: NO_RULE };
    price = num(rule.list_base_price) + num(rule.list_price) * totals[rule.variable_factor as keyof TMeasures];
  }
  // _apply_margins: margin is a fraction (a percentage widget), fixed_margin an amount.
  const withMargins = price * (1 + num(carrier.margin)) + num(carrier.fixed_margin);

  return { success: true, price: withMargins, carrierPrice: withMargins };
}

export function registerDeliveryRate(registry: Registry): void {
  registry.register({
    name: "choose.delivery.carrier",
    description: "Delivery Method Selection Wizard",
    order: "id",
    module: "delivery",
    transient: true,
    displayName: () => "",
    fields: [
      { name: "order_id", type: "many2one", string: "Order", relation: "sale.order", required: true },
      { name: "carrier_id", type: "many2one", string: "Shipping Method", relation: "delivery.carrier", required: true },
      { name: "delivery_price", type: "float", string: "Cost" },
      { name: "display_price", type: "float", string: "Cost" },
      { name: "delivery_message", type: "text", string: "Message" },
    ],
    methods: {
      update_price: {
        level: "record",
        params: [],
        run: (env, _model, { ids }) => {
          for (const id of ids) {
            const wizard = env.get("choose.delivery.carrier", id)!;
            const carrier = env.get("delivery.carrier", wizard.carrier_id as number)!;
            const rate = rateShipment(env, carrier, env.get("sale.order", wizard.order_id as number)!);
            if (!rate.success) throw UserError(rate.error);
            env.write("choose.delivery.carrier", [id], {
              delivery_price: rate.price,
              display_price: rate.carrierPrice,
              delivery_message: false,
            });
          }

          return {
            name: "Add a shipping method",
            type: "ir.actions.act_window",
            view_mode: "form",
            res_model: "choose.delivery.carrier",
            res_id: ids[0],
            target: "new",
          };
        },
      },
    },
  });
}
