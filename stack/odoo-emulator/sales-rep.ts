// What people do in Odoo's UI, as admin-API actions: a sales rep's confirmed order, a
// warehouse worker validating a delivery with a tracking number, a stock count, a webhook
// rule. They run through the same model code as the RPC API, so automations fire.
import { z } from "zod";
import { ValueErrorPy } from "./errors";
import type { Env } from "./orm/env";
import { assignPickings, processBackorderWizard, validatePickings } from "./models/stock-validate";

export const ZRule = z
  .object({
    name: z.string().min(1).optional(),
    model: z.string().min(1),
    trigger: z.enum(["on_create", "on_write", "on_create_or_write", "on_state_set"]).default("on_create_or_write"),
    triggerFields: z.array(z.string()).default([]),
    stateValue: z.string().optional(),
    fields: z.array(z.string()).min(1),
    url: z.url(),
  })
  .strict();

export const ZSaleOrderAction = z
  .object({
    partnerId: z.number().int().positive(),
    lines: z
      .array(
        z
          .object({
            productId: z.number().int().positive().optional(),
            defaultCode: z.string().optional(),
            quantity: z.number().positive(),
            priceUnit: z.number().nonnegative().optional(),
          })
          .strict(),
      )
      .min(1),
    clientOrderRef: z.string().optional(),
    origin: z.string().optional(),
    confirm: z.boolean().default(true),
  })
  .strict();

export const ZDeliver = z
  .object({
    saleOrderId: z.number().int().positive().optional(),
    pickingId: z.number().int().positive().optional(),
    trackingRef: z.string().optional(),
    backorder: z.boolean().default(true),
  })
  .strict()
  .refine((value) => value.saleOrderId || value.pickingId, "give saleOrderId or pickingId");

export const ZSetStock = z
  .object({
    productId: z.number().int().positive().optional(),
    defaultCode: z.string().optional(),
    quantity: z.number().min(0),
    locationId: z.number().int().positive().default(5),
  })
  .strict();

function fieldIds(env: Env, model: string, names: string[]): number[] {
  return names.map((name) => {
    const field = env.field(model, name);
    if (!field) throw ValueErrorPy(`Invalid field '${name}' on model '${model}'`);

    return field.fieldId!;
  });
}

export function createRule(env: Env, rule: z.infer<typeof ZRule>) {
  const model = env.model(rule.model);
  if (!model) throw ValueErrorPy(`the model '${rule.model}' does not exist`);
  const name = rule.name ?? `[tradepost] ${rule.model} webhook`;
  const stateOption = rule.stateValue
    ? env
        .all("ir.model.fields.selection")
        .find(
          (option) => option.field_id === env.field(rule.model, "state")?.fieldId && option.value === rule.stateValue,
        )
    : undefined;
  const id = env.create("base.automation", {
    name,
    model_id: model.modelId,
    trigger: rule.trigger,
    trigger_field_ids: [[6, 0, fieldIds(env, rule.model, rule.triggerFields)]],
    trg_selection_field_id: stateOption?.id ?? false,
    action_server_ids: [
      [
        0,
        0,
        {
          name: `${name} action`,
          model_id: model.modelId,
          state: "webhook",
          webhook_url: rule.url,
          webhook_field_ids: [[6, 0, fieldIds(env, rule.model, rule.fields)]],
        },
      ],
    ],
  });

  return { id };
}

function productId(env: Env, line: { productId?: number; defaultCode?: string }): number {
  if (line.productId) return line.productId;
  const found = env
    .all("product.product")
    .find(
      (product) => env.get("product.template", product.product_tmpl_id as number)?.default_code === line.defaultCode,
    );
  if (!found) throw ValueErrorPy(`no product with default_code ${line.defaultCode}`);

  return found.id;
}

export function confirmSaleOrder(env: Env, input: z.infer<typeof ZSaleOrderAction>) {
  const id = env.create("sale.order", {
    partner_id: input.partnerId,
    client_order_ref: input.clientOrderRef ?? false,
    origin: input.origin ?? false,
    order_line: input.lines.map((line) => [
      0,
      0,
      {
        product_id: productId(env, line),
        product_uom_qty: line.quantity,
        ...(line.priceUnit !== undefined ? { price_unit: line.priceUnit } : {}),
      },
    ]),
  });
  if (input.confirm)
    env.registry
      .get("sale.order")!
      .methods!.action_confirm!.run(env, "sale.order", { ids: [id], kwargs: {}, context: {} });
  const order = env.get("sale.order", id)!;

  return { id, name: order.name, state: order.state, pickingIds: env.inverseIds("stock.picking", "sale_id", id) };
}

export function deliverOrder(env: Env, input: z.infer<typeof ZDeliver>) {
  const pickingIds = input.pickingId
    ? [input.pickingId]
    : env
        .inverseIds("stock.picking", "sale_id", input.saleOrderId!)
        .filter((id) => !["done", "cancel"].includes(String(env.get("stock.picking", id)!.state)));
  if (!pickingIds.length) throw ValueErrorPy("nothing left to deliver");
  if (input.trackingRef && env.isInstalled("stock_delivery"))
    env.write("stock.picking", pickingIds, { carrier_tracking_ref: input.trackingRef });
  assignPickings(env, pickingIds);
  const outcome = validatePickings(env, pickingIds);
  if (outcome !== true) processBackorderWizard(env, outcome.context as Record<string, unknown>, input.backorder);

  return pickingIds.map((id) => ({
    id,
    name: env.get("stock.picking", id)!.name,
    state: env.get("stock.picking", id)!.state,
  }));
}

export function setStock(env: Env, input: z.infer<typeof ZSetStock>) {
  const product = productId(env, input);
  const quantModel = env.registry.get("stock.quant")!.methods!;
  const created = quantModel.create!.run(env, "stock.quant", {
    ids: [],
    kwargs: { vals_list: [{ product_id: product, location_id: input.locationId, inventory_quantity: input.quantity }] },
    context: { inventory_mode: true },
  }) as number[];
  quantModel.action_apply_inventory!.run(env, "stock.quant", { ids: created, kwargs: {}, context: {} });

  return { quantId: created[0] };
}
