// The state of a fresh Odoo 19 database with sale_management, stock and base_automation,
// as recorded: the same ids (My Company = partner 1, admin = uid 2, WH/Stock = location 5,
// Germany = country 57, tax 3 "0% Exports", fiscal position 2 "Foreign Trade" …), so that
// replaying the recorded exchanges gives the recorded answers.
import type { Env, TState } from "./orm/env";
import type { TRecord } from "./orm/types";
import { installModule } from "./models/modules";

// ISO 3166 alpha-2 in alphabetical order: Odoo's res.country ids follow it (DE = 57, US = 233).
const COUNTRY_CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".split(
    " ",
  );

const EURO_COUNTRIES = "AD AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC ME MT NL PT SI SK SM VA".split(" ");

const MODULES: [number, string, string, boolean][] = [
  [1, "base", "Base", true],
  [2, "web", "Web", true],
  [8, "uom", "Units of measure", true],
  [12, "product", "Products & Pricelists", true],
  [20, "account", "Invoicing", true],
  [30, "stock", "Inventory", true],
  [40, "sale", "Sales", true],
  [41, "sale_management", "Sales", true],
  [45, "sale_stock", "Sales and Warehouse Management", true],
  [50, "base_automation", "Automation Rules", true],
  [62, "delivery", "Delivery Costs", false],
  [521, "stock_delivery", "Delivery - Stock", false],
];

export const SALES_GROUPS = { user: 1, salesman: 10, salesManager: 11, stockUser: 20 };

export type TSeedOptions = {
  adminApiKey: string;
  adminPassword: string;
  deliveryInstalled: boolean;
  salesTaxPercent?: number;
};

export function emptyState(): TState {
  return { records: {}, nextIds: {}, sequences: {}, apiKeys: {}, passwords: {} };
}

/** Fills `env` with a fresh database's data. The clock decides create/write dates. */
export function seedState(
  env: Env,
  { adminApiKey, adminPassword, deliveryInstalled, salesTaxPercent = 15 }: TSeedOptions,
): void {
  env.txNow = env.clock.now();
  const put = (model: string, id: number, values: Record<string, unknown>) => {
    env.table(model)[String(id)] = {
      id,
      create_date: env.txNow,
      write_date: env.txNow,
      create_uid: 1,
      write_uid: 1,
      ...values,
    } as TRecord;
  };

  const regionName = new Intl.DisplayNames(["en"], { type: "region" });
  COUNTRY_CODES.forEach((code, index) => put("res.country", index + 1, { name: regionName.of(code) ?? code, code }));
  put("res.currency", 1, { name: "USD", symbol: "$", active: true });
  put("res.currency", 125, { name: "EUR", symbol: "€", active: true });
  // The currencies of the countries whose currency is seeded (Odoo's data sets one on every country).
  for (const code of EURO_COUNTRIES)
    env.table("res.country")[String(COUNTRY_CODES.indexOf(code) + 1)]!.currency_id = 125;
  env.table("res.country")[String(COUNTRY_CODES.indexOf("US") + 1)]!.currency_id = 1;
  put("uom.uom", 1, { name: "Units" });

  put("res.partner", 1, {
    name: "My Company",
    is_company: true,
    type: "contact",
    active: true,
    street: "250 Executive Park Blvd",
    city: "San Francisco",
    zip: "94134",
    country_id: 233,
    lang: "en_US",
  });
  put("res.partner", 2, { name: "OdooBot", type: "contact", active: false, lang: "en_US" });
  put("res.partner", 3, { name: "Administrator", type: "contact", active: true, lang: "en_US" });
  put("res.partner", 4, { name: "Public user", type: "contact", active: false, lang: "en_US" });
  put("res.partner", 5, { name: "Default User Template", type: "contact", active: false, lang: "en_US" });
  put("res.company", 1, { name: "My Company", partner_id: 1, currency_id: 1, country_id: 233 });

  put("res.groups", SALES_GROUPS.user, { name: "Role / User", xmlid: "base.group_user" });
  put("res.groups", 2, { name: "Role / Portal", xmlid: "base.group_portal" });
  put("res.groups", SALES_GROUPS.salesman, {
    name: "Sales / User: Own Documents Only",
    xmlid: "sales_team.group_sale_salesman",
  });
  put("res.groups", SALES_GROUPS.salesManager, {
    name: "Sales / Administrator",
    xmlid: "sales_team.group_sale_manager",
  });
  put("res.groups", SALES_GROUPS.stockUser, { name: "Inventory / User", xmlid: "stock.group_stock_user" });
  put("ir.model.data", 5, { module: "base", name: "group_user", model: "res.groups", res_id: 1 });
  const adminGroups = Object.values(SALES_GROUPS);
  put("res.users", 1, { login: "__system__", partner_id: 2, group_ids: adminGroups, active: false });
  put("res.users", 2, { login: "admin", partner_id: 3, group_ids: adminGroups, active: true });
  put("res.users", 3, { login: "public", partner_id: 4, group_ids: [2], active: false });
  put("res.users", 4, { login: "portaltemplate", partner_id: 5, group_ids: [2], active: false });
  env.state.passwords["2"] = adminPassword;
  env.state.apiKeys[adminApiKey] = 2;

  [
    "Immediate Payment",
    "15 Days",
    "21 Days",
    "30 Days",
    "45 Days",
    "End of Following Month",
    "10 Days after End of Next Month",
    "30% Now, Balance 60 Days",
  ].forEach((name, index) => put("account.payment.term", index + 1, { name }));
  put("account.tax", 1, {
    name: `${salesTaxPercent}%`,
    amount: salesTaxPercent,
    amount_type: "percent",
    price_include: false,
    type_tax_use: "sale",
  });
  put("account.tax", 2, {
    name: "15%",
    amount: 15,
    amount_type: "percent",
    price_include: false,
    type_tax_use: "purchase",
  });
  put("account.tax", 3, {
    name: "0% Exports",
    amount: 0,
    amount_type: "percent",
    price_include: false,
    type_tax_use: "sale",
  });
  put("account.tax", 4, {
    name: "0% Imports",
    amount: 0,
    amount_type: "percent",
    price_include: false,
    type_tax_use: "purchase",
  });
  // __tax_map (tax id → replacement) stands in for Odoo's tax mapping lines: "Foreign Trade" turns 15% into "0% Exports".
  put("account.fiscal.position", 1, { name: "Domestic", auto_apply: false, __tax_map: {} });
  put("account.fiscal.position", 2, { name: "Foreign Trade", auto_apply: true, __tax_map: { 1: 3, 2: 4 } });

  const locations: [number, string, string, string][] = [
    [1, "Physical Locations", "Physical Locations", "view"],
    [2, "Customers", "Customers", "customer"],
    [3, "Partners", "Partners", "view"],
    [4, "Vendors", "Vendors", "supplier"],
    [5, "Stock", "WH/Stock", "internal"],
    [6, "WH", "WH", "view"],
    [7, "Virtual Locations", "Virtual Locations", "view"],
    [11, "Inventory adjustment", "Inventory adjustment", "inventory"],
    [12, "Scrap", "Scrap", "inventory"],
    [13, "Production", "Production", "production"],
  ];
  for (const [id, name, complete_name, usage] of locations)
    put("stock.location", id, { name, complete_name, usage, active: true });
  put("stock.warehouse", 1, {
    name: "My Company",
    code: "WH",
    sequence: 10,
    lot_stock_id: 5,
    view_location_id: 6,
    in_type_id: 1,
    out_type_id: 2,
    company_id: 1,
  });
  // The warehouse's first two operation types (the others — pick, pack, internal … — are not seeded).
  put("stock.picking.type", 1, {
    name: "Receipts",
    code: "incoming",
    sequence_code: "IN",
    sequence: 1,
    warehouse_id: 1,
    default_location_src_id: 4,
    default_location_dest_id: 5,
    active: true,
    company_id: 1,
  });
  put("stock.picking.type", 2, {
    name: "Delivery Orders",
    code: "outgoing",
    sequence_code: "OUT",
    sequence: 5,
    warehouse_id: 1,
    default_location_src_id: 5,
    default_location_dest_id: 2,
    active: true,
    company_id: 1,
  });

  for (const [id, name, shortdesc, installed] of MODULES)
    put("ir.module.module", id, {
      name,
      shortdesc,
      state: installed ? "installed" : "uninstalled",
      auto_install: name === "stock_delivery",
    });
  seedMetadata(env, put);
  // ids the rest of a real database already used: the next server action is 461 (the recording's).
  env.state.nextIds["ir.actions.server"] = 461;
  if (deliveryInstalled) installModule(env, "delivery");
}

// ir.model / ir.model.fields / ir.model.fields.selection rows for every emulated model.
function seedMetadata(env: Env, put: (model: string, id: number, values: Record<string, unknown>) => void): void {
  let selectionId = 1_000;
  for (const model of env.registry.all()) {
    put("ir.model", model.modelId!, { model: model.name, name: model.description });
    for (const field of model.fields) {
      put("ir.model.fields", field.fieldId!, {
        name: field.name,
        model: model.name,
        model_id: model.modelId,
        ttype: field.type,
        field_description: field.string,
        relation: field.relation ?? false,
      });
      for (const [value, name] of field.selection ?? []) {
        // The recording shows stock.picking's state "done" as selection 1683.
        if (selectionId === 1683) selectionId += 1;
        const id = model.name === "stock.picking" && field.name === "state" && value === "done" ? 1683 : selectionId++;
        put("ir.model.fields.selection", id, { field_id: field.fieldId, value, name });
      }
    }
  }
}

/**
 * A state file written by an older emulator lacks the metadata rows of fields it did not know
 * yet (before the recorded field definitions): add them, so webhook rules can name them.
 */
export function completeMetadata(env: Env): void {
  const rows = (model: string) => env.table(model);
  let selectionId = Math.max(1_000, ...Object.keys(rows("ir.model.fields.selection")).map(Number)) + 1;
  const withSelections = new Set(env.all("ir.model.fields.selection").map((row) => row.field_id));
  for (const model of env.registry.all()) {
    rows("ir.model")[String(model.modelId)] ??= { id: model.modelId!, model: model.name, name: model.description };
    for (const field of model.fields) {
      rows("ir.model.fields")[String(field.fieldId)] ??= {
        id: field.fieldId!,
        name: field.name,
        model: model.name,
        model_id: model.modelId,
        ttype: field.type,
        field_description: field.string,
        relation: field.relation ?? false,
      };
      if (withSelections.has(field.fieldId)) continue;
      for (const [value, name] of field.selection ?? [])
        rows("ir.model.fields.selection")[String(selectionId)] = {
          id: selectionId++,
          field_id: field.fieldId,
          value,
          name,
        };
    }
  }
}
