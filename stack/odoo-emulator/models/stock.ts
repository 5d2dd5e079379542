// stock: locations, warehouse, quants (counted quantity + apply), moves and delivery
// pickings with button_validate and the backorder wizard.
import type { Env } from "../orm/env";
import type { Registry } from "../orm/registry";
import type { TFieldDef, TRecord } from "../orm/types";
import { validatePickings, processBackorderWizard } from "./stock-validate";
import { findQuant, transfer } from "./stock-quantities";

export const LOCATION = { customers: 2, stock: 5, inventoryAdjustment: 11 } as const;

const MOVE_STATES: [string, string][] = [
  ["draft", "New"],
  ["waiting", "Waiting Another Move"],
  ["confirmed", "Waiting Availability"],
  ["partially_available", "Partially Available"],
  ["assigned", "Available"],
  ["done", "Done"],
  ["cancel", "Cancelled"],
];
const PICKING_STATES: [string, string][] = [
  ["draft", "Draft"],
  ["waiting", "Waiting Another Operation"],
  ["confirmed", "Waiting"],
  ["assigned", "Ready"],
  ["done", "Done"],
  ["cancel", "Cancelled"],
];
const PICKING_CODES: [string, string][] = [
  ["incoming", "Receipt"],
  ["outgoing", "Delivery"],
  ["internal", "Internal Transfer"],
];
const byName = (record: TRecord) => String(record.name ?? "");

export function registerStock(registry: Registry): void {
  registry.register({
    name: "stock.location",
    description: "Inventory Locations",
    order: "complete_name, id",
    displayName: (record) => String(record.complete_name ?? record.name),
    fields: [
      { name: "name", type: "char", string: "Location Name", required: true },
      { name: "complete_name", type: "char", string: "Full Location Name" },
      {
        name: "usage",
        type: "selection",
        string: "Location Type",
        selection: [
          ["supplier", "Vendor"],
          ["view", "Virtual"],
          ["internal", "Internal"],
          ["customer", "Customer"],
          ["inventory", "Inventory Loss"],
          ["production", "Production"],
          ["transit", "Transit"],
        ],
      },
      { name: "active", type: "boolean", string: "Active", default: () => true },
    ],
  });
  registry.register({
    name: "stock.warehouse",
    description: "Warehouse",
    order: "sequence,id",
    displayName: byName,
    fields: [
      { name: "name", type: "char", string: "Warehouse", required: true },
      { name: "code", type: "char", string: "Short Name" },
      { name: "sequence", type: "integer", string: "Sequence" },
      { name: "lot_stock_id", type: "many2one", string: "Location Stock", relation: "stock.location" },
    ],
  });
  registry.register({
    name: "stock.picking.type",
    description: "Picking Type",
    order: "is_favorite desc, sequence, id",
    // "My Company: Delivery Orders": the warehouse, then the operation.
    displayName: (record, env) =>
      record.warehouse_id
        ? `${env.displayName("stock.warehouse", record.warehouse_id as number)}: ${String(record.name)}`
        : String(record.name),
    fields: [
      { name: "name", type: "char", string: "Operation Type", required: true },
      { name: "code", type: "selection", string: "Type of Operation", selection: PICKING_CODES, required: true },
      { name: "warehouse_id", type: "many2one", string: "Warehouse", relation: "stock.warehouse" },
      { name: "active", type: "boolean", string: "Active", default: () => true },
    ],
  });
  registerQuant(registry);
  registerMoveAndPicking(registry);
}

function registerQuant(registry: Registry): void {
  registry.register({
    name: "stock.quant",
    description: "Quants",
    order: "id",
    modelId: 539,
    displayName: (record, env) => env.displayName("product.product", record.product_id as number),
    fields: [
      {
        name: "product_id",
        type: "many2one",
        string: "Product",
        relation: "product.product",
        required: true,
        fieldId: 6958,
      },
      {
        name: "location_id",
        type: "many2one",
        string: "Location",
        relation: "stock.location",
        required: true,
        fieldId: 6963,
      },
      { name: "quantity", type: "float", string: "Quantity", fieldId: 6972 },
      { name: "reserved_quantity", type: "float", string: "Reserved Quantity", fieldId: 6973 },
      {
        name: "available_quantity",
        type: "float",
        string: "Available Quantity",
        compute: (record) => Number(record.quantity ?? 0) - Number(record.reserved_quantity ?? 0),
      },
      { name: "inventory_quantity", type: "float", string: "Counted Quantity", fieldId: 6979 },
      { name: "inventory_quantity_set", type: "boolean", string: "Inventory Quantity Set" },
      { name: "write_date", type: "datetime", string: "Last Updated on", fieldId: 6990 },
    ],
    methods: {
      // The API creates quants to count them: without inventory_mode always a new quant,
      // with it the existing quant of that product and location is reused.
      create: {
        level: "model",
        params: ["vals_list"],
        positional: ["vals_list"],
        run: (env, _model, { kwargs, context }) => {
          const single = !Array.isArray(kwargs.vals_list);
          const list = (single ? [kwargs.vals_list] : kwargs.vals_list) as Record<string, unknown>[];
          const ids = list.map((vals) => createCountedQuant(env, vals ?? {}, context.inventory_mode === true));

          return single ? { single: ids[0] } : ids;
        },
      },
      action_apply_inventory: {
        level: "record",
        params: [],
        run: (env, _model, { ids }) => {
          applyInventory(env, ids);

          return null;
        },
      },
    },
  });
}

function createCountedQuant(env: Env, vals: Record<string, unknown>, inventoryMode: boolean): number {
  const counted = vals.inventory_quantity;
  const existing = inventoryMode ? findQuant(env, vals.product_id as number, vals.location_id as number) : undefined;
  if (existing) {
    env.write("stock.quant", [existing.id], { inventory_quantity: counted, inventory_quantity_set: true });

    return existing.id;
  }

  return env.create("stock.quant", { ...vals, quantity: 0, inventory_quantity_set: counted !== undefined });
}

function applyInventory(env: Env, ids: number[]): void {
  env.write("stock.quant", ids, {});
  for (const id of ids) {
    const quant = env.get("stock.quant", id)!;
    const difference = Number(quant.inventory_quantity ?? 0) - Number(quant.quantity ?? 0);
    if (difference !== 0) {
      const [from, to] =
        difference > 0
          ? [LOCATION.inventoryAdjustment, quant.location_id as number]
          : [quant.location_id as number, LOCATION.inventoryAdjustment];
      env.create("stock.move", {
        product_id: quant.product_id,
        product_uom_qty: Math.abs(difference),
        quantity: Math.abs(difference),
        location_id: from,
        location_dest_id: to,
        state: "done",
        picked: true,
        picking_code: false,
      });
      transfer(env, quant.product_id as number, from, to, Math.abs(difference));
    }
    env.update("stock.quant", id, { inventory_quantity: 0, inventory_quantity_set: false });
  }
}

function registerMoveAndPicking(registry: Registry): void {
  const state = (selection: [string, string][], fieldId?: number): TFieldDef => ({
    name: "state",
    type: "selection",
    string: "Status",
    selection,
    default: () => "draft",
    fieldId,
  });
  registry.register({
    name: "stock.move",
    description: "Stock Move",
    order: "sequence, id",
    displayName: (record, env) => env.displayName("product.product", record.product_id as number),
    fields: [
      { name: "sequence", type: "integer", string: "Sequence", default: () => 10 },
      { name: "product_id", type: "many2one", string: "Product", relation: "product.product", required: true },
      { name: "product_uom_qty", type: "float", string: "Demand" },
      { name: "quantity", type: "float", string: "Quantity" },
      { name: "picked", type: "boolean", string: "Picked" },
      state(MOVE_STATES),
      { name: "picking_id", type: "many2one", string: "Transfer", relation: "stock.picking" },
      { name: "picking_code", type: "selection", string: "Type of Operation", selection: PICKING_CODES },
      { name: "sale_line_id", type: "many2one", string: "Sale Line", relation: "sale.order.line" },
      { name: "location_id", type: "many2one", string: "Source Location", relation: "stock.location" },
      { name: "location_dest_id", type: "many2one", string: "Destination Location", relation: "stock.location" },
    ],
  });
  registry.register({
    name: "stock.picking",
    description: "Transfer",
    order: "priority desc, scheduled_date asc, id desc",
    displayName: byName,
    fields: [
      { name: "name", type: "char", string: "Reference", fieldId: 6895 },
      { name: "origin", type: "char", string: "Source Document", fieldId: 6896 },
      {
        name: "priority",
        type: "selection",
        string: "Priority",
        selection: [
          ["0", "Normal"],
          ["1", "Urgent"],
        ],
        default: () => "0",
      },
      state(PICKING_STATES, 6904),
      { name: "picking_type_code", type: "selection", string: "Type of Operation", selection: PICKING_CODES },
      { name: "partner_id", type: "many2one", string: "Contact", relation: "res.partner" },
      { name: "sale_id", type: "many2one", string: "Sales Order", relation: "sale.order", fieldId: 8127 },
      { name: "location_id", type: "many2one", string: "Source Location", relation: "stock.location" },
      { name: "location_dest_id", type: "many2one", string: "Destination Location", relation: "stock.location" },
      { name: "scheduled_date", type: "datetime", string: "Scheduled Date" },
      { name: "date_deadline", type: "datetime", string: "Deadline" },
      { name: "date_done", type: "datetime", string: "Date of Transfer", fieldId: 6910 },
      {
        name: "move_ids",
        type: "one2many",
        string: "Stock Moves",
        relation: "stock.move",
        inverse: "picking_id",
        fieldId: 6915,
      },
      { name: "backorder_id", type: "many2one", string: "Back Order of", relation: "stock.picking" },
      {
        name: "carrier_id",
        type: "many2one",
        string: "Carrier",
        relation: "delivery.carrier",
        module: "stock_delivery",
      },
      { name: "carrier_tracking_ref", type: "char", string: "Tracking Reference", module: "stock_delivery" },
    ],
    methods: {
      button_validate: { level: "record", params: [], run: (env, _model, { ids }) => validatePickings(env, ids) },
    },
  });
  registry.register({
    name: "stock.backorder.confirmation",
    description: "Backorder Confirmation",
    order: "id",
    transient: true,
    displayName: () => "",
    fields: [{ name: "pick_ids", type: "many2many", string: "Pick", relation: "stock.picking" }],
    methods: {
      process: {
        level: "record",
        params: [],
        run: (env, _model, { context }) => processBackorderWizard(env, context, true),
      },
      process_cancel_backorder: {
        level: "record",
        params: [],
        run: (env, _model, { context }) => processBackorderWizard(env, context, false),
      },
    },
  });
}
