// base, uom, account and ir.* models: the reference data and metadata Tradepost reads.
import type { Registry } from "../orm/registry";
import type { TModelDef, TRecord } from "../orm/types";

const byName = (record: TRecord) => String(record.name ?? "");

const simple = (
  name: string,
  description: string,
  fields: TModelDef["fields"],
  extra: Partial<TModelDef> = {},
): TModelDef => ({
  name,
  description,
  order: "id",
  fields,
  displayName: byName,
  ...extra,
});

export function registerBaseModels(registry: Registry): void {
  registry.register(
    simple("res.currency", "Currency", [
      { name: "name", type: "char", string: "Currency" },
      { name: "symbol", type: "char", string: "Symbol" },
      { name: "active", type: "boolean", string: "Active", default: () => true },
    ]),
  );
  registry.register(
    simple(
      "res.country",
      "Country",
      [
        { name: "name", type: "char", string: "Country Name", required: true },
        { name: "code", type: "char", string: "Country Code" },
      ],
      { order: "name" },
    ),
  );
  registry.register(
    simple("res.company", "Companies", [
      { name: "name", type: "char", string: "Company Name", required: true },
      { name: "partner_id", type: "many2one", string: "Partner", relation: "res.partner" },
      { name: "currency_id", type: "many2one", string: "Currency", relation: "res.currency" },
      { name: "country_id", type: "many2one", string: "Country", relation: "res.country" },
    ]),
  );
  registry.register(
    simple("uom.uom", "Product Unit of Measure", [{ name: "name", type: "char", string: "Unit Name", required: true }]),
  );
  registry.register(
    simple("res.groups", "Access Groups", [
      { name: "name", type: "char", string: "Name", required: true },
      { name: "xmlid", type: "char", string: "External ID" },
    ]),
  );
  registry.register(
    simple(
      "res.users",
      "User",
      [
        {
          name: "name",
          type: "char",
          string: "Name",
          compute: (record, env) =>
            record.partner_id ? env.displayName("res.partner", record.partner_id as number) : false,
        },
        { name: "login", type: "char", string: "Login", required: true },
        // Write-only, as in Odoo: kept in the emulator's password table, never read back.
        { name: "password", type: "char", string: "Password", compute: () => "" },
        { name: "partner_id", type: "many2one", string: "Related Partner", relation: "res.partner" },
        { name: "group_ids", type: "many2many", string: "Groups", relation: "res.groups" },
        { name: "active", type: "boolean", string: "Active", default: () => true },
      ],
      {
        displayName: (record, env) =>
          record.partner_id ? env.displayName("res.partner", record.partner_id as number) : String(record.login),
        hooks: {
          prepareCreate: (env, vals) => {
            const password = vals.password;
            delete vals.password;
            if (!vals.partner_id) vals.partner_id = env.create("res.partner", { name: vals.name ?? vals.login });
            delete vals.name;
            vals.__password = password;
          },
          afterCreate: (env, record) => {
            const password = record.__password;
            delete record.__password;
            if (typeof password === "string") env.state.passwords[String(record.id)] = password;
          },
        },
        methods: {
          context_get: { level: "model", params: [], run: (env) => ({ lang: "en_US", tz: false, uid: env.uid }) },
        },
      },
    ),
  );
  registry.register(
    simple("account.payment.term", "Payment Terms", [
      { name: "name", type: "char", string: "Payment Terms", required: true },
    ]),
  );
  registry.register(
    simple("account.tax", "Tax", [
      { name: "name", type: "char", string: "Tax Name", required: true },
      { name: "amount", type: "float", string: "Amount" },
      {
        name: "amount_type",
        type: "selection",
        string: "Tax Computation",
        selection: [
          ["group", "Group of Taxes"],
          ["fixed", "Fixed"],
          ["percent", "Percentage"],
          ["division", "Percentage Tax Included"],
        ],
      },
      { name: "price_include", type: "boolean", string: "Included in Price" },
      {
        name: "type_tax_use",
        type: "selection",
        string: "Tax Type",
        selection: [
          ["sale", "Sales"],
          ["purchase", "Purchases"],
          ["none", "None"],
        ],
      },
    ]),
  );
  registry.register(
    simple("account.fiscal.position", "Fiscal Position", [
      { name: "name", type: "char", string: "Fiscal Position", required: true },
      { name: "auto_apply", type: "boolean", string: "Detect Automatically" },
    ]),
  );
  registerIrModels(registry);
}

function registerIrModels(registry: Registry): void {
  registry.register(
    simple(
      "ir.model",
      "Models",
      [
        { name: "name", type: "char", string: "Model Description", required: true },
        { name: "model", type: "char", string: "Model", required: true },
      ],
      { order: "model", modelId: 1 },
    ),
  );
  registry.register(
    simple(
      "ir.model.fields",
      "Fields",
      [
        { name: "name", type: "char", string: "Field Name", required: true },
        { name: "model", type: "char", string: "Model Name" },
        { name: "model_id", type: "many2one", string: "Model", relation: "ir.model" },
        { name: "ttype", type: "char", string: "Field Type" },
        { name: "field_description", type: "char", string: "Field Label" },
        { name: "relation", type: "char", string: "Related Model" },
      ],
      { order: "name" },
    ),
  );
  registry.register(
    simple(
      "ir.model.fields.selection",
      "Fields Selection",
      [
        { name: "field_id", type: "many2one", string: "Field", relation: "ir.model.fields" },
        { name: "value", type: "char", string: "Value" },
        { name: "name", type: "char", string: "Name" },
      ],
      { order: "id" },
    ),
  );
  registry.register(
    simple(
      "ir.model.data",
      "Model Data",
      [
        { name: "name", type: "char", string: "External Identifier", required: true },
        { name: "module", type: "char", string: "Module" },
        { name: "model", type: "char", string: "Model Name" },
        { name: "res_id", type: "integer", string: "Record ID" },
      ],
      { order: "module, model, name" },
    ),
  );
}
