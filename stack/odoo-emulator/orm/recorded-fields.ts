// Odoo 19's own field definitions (fields_get recorded from a real server for the models
// Tradepost touches, in ../fields/): every recorded field exists here with Odoo's type,
// label, relation and selection. The emulator's own definitions keep their behaviour
// (computes, defaults, inverses, module gating); the other fields are stored and read
// back as Odoo would, related fields read and write through their path, and one2many
// fields find their inverse when exactly one stored many2one on the comodel points back.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Registry } from "./registry";
import type { TFieldDef, TModelDef, TRecord, TRecordedField } from "./types";

export type TRecordedModel = Record<string, TRecordedField>;

const FIELDS_DIR = path.join(import.meta.dirname, "../fields");
let recordings: Map<string, TRecordedModel> | null = null;

/** model name → its recorded fields, read once from ../fields/<model>.json. */
export function recordedModels(): Map<string, TRecordedModel> {
  recordings ??= new Map(
    readdirSync(FIELDS_DIR)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [
        file.slice(0, -".json".length),
        JSON.parse(readFileSync(path.join(FIELDS_DIR, file), "utf8")) as TRecordedModel,
      ]),
  );

  return recordings;
}

// Recorded models the emulator has no behaviour for: Odoo's _description and _order.
const GENERIC_MODELS: Record<string, { description: string; order: string }> = {
  "account.move": { description: "Journal Entry", order: "date desc, name desc, invoice_date desc, id desc" },
  "account.move.line": { description: "Journal Item", order: "date desc, move_name desc, id" },
  "mail.activity": { description: "Activity", order: "date_deadline asc, id asc" },
  "mail.message": { description: "Message", order: "id desc" },
  "product.pricelist": { description: "Pricelist", order: "sequence, id, name" },
  "product.pricelist.item": {
    description: "Pricelist Rule",
    order: "applied_on, min_quantity desc, categ_id desc, id desc",
  },
  "res.country.state": { description: "Country state", order: "code" },
  "stock.move.line": { description: "Product Moves (Stock Move Line)", order: "result_package_id desc, id" },
  "stock.picking.type": { description: "Picking Type", order: "is_favorite desc, sequence, id" },
};

/** Odoo's default display name: the `name` field, else "model,id". */
const genericDisplayName = (model: string) => (record: TRecord) =>
  typeof record.name === "string" && record.name ? record.name : `${model},${record.id}`;

/** Registers the recorded models the emulator does not implement, then gives every model its recorded fields. */
export function applyRecordedFields(registry: Registry): void {
  const models = recordedModels();
  for (const name of models.keys()) {
    if (registry.get(name)) continue;
    const generic = GENERIC_MODELS[name] ?? { description: name, order: "id" };
    registry.register({ name, ...generic, fields: [], displayName: genericDisplayName(name) });
  }
  for (const [name, recorded] of models) registry.redefine(name, mergeFields(registry.get(name)!, recorded, models));
}

function mergeFields(model: TModelDef, recorded: TRecordedModel, models: Map<string, TRecordedModel>): TFieldDef[] {
  const own = new Map(model.fields.map((field) => [field.name, field]));
  const merged = Object.entries(recorded).map(([name, description]): TFieldDef => {
    const { type, string, relation, selection } = description;
    const mine = own.get(name);
    if (mine) return { ...mine, type, string, relation, selection, recorded: description };

    return {
      name,
      type,
      string,
      relation,
      selection,
      recorded: description,
      companyDependent: description.company_dependent,
      related: description.related,
      inverse: type === "one2many" ? inferInverse(model.name, relation!, models) : undefined,
      // Odoo gives readonly computed and related fields no inverse: a write changes nothing.
      ignoreWrites: description.readonly && (!description.store || Boolean(description.related)),
      // Odoo defaults the company of company-bound records to the user's (the only) company.
      default: description.required && relation === "res.company" && !description.related ? () => 1 : undefined,
    };
  });

  return [...merged, ...model.fields.filter((field) => !(field.name in recorded))];
}

function inferInverse(model: string, comodel: string, models: Map<string, TRecordedModel>): string | undefined {
  const candidates = Object.entries(models.get(comodel) ?? {}).filter(
    ([, field]) => field.type === "many2one" && field.relation === model && field.store && !field.related,
  );

  return candidates.length === 1 ? candidates[0]![0] : undefined;
}
