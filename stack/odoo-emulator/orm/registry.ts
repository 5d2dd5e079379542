// The emulated models, with the fields every Odoo model has added (id, display_name,
// create/write dates and users) and ir.model / ir.model.fields ids: the pinned ones the
// recording shows, generated ones for the rest.
import type { Env } from "./env";
import type { TFieldDef, TModelDef } from "./types";

const MAGIC_FIELDS: TFieldDef[] = [
  { name: "display_name", type: "char", string: "Display Name" },
  { name: "create_uid", type: "many2one", string: "Created by", relation: "res.users" },
  { name: "create_date", type: "datetime", string: "Created on" },
  { name: "write_uid", type: "many2one", string: "Last Updated by", relation: "res.users" },
  { name: "write_date", type: "datetime", string: "Last Updated on" },
];

export class Registry {
  private readonly models = new Map<string, TModelDef>();
  private readonly fieldMaps = new Map<string, Map<string, TFieldDef>>();
  private nextModelId = 5000;
  private nextFieldId = 100_000;
  private readonly envInitialisers: ((env: Env) => void)[] = [];

  /** Runs when an environment is created on this registry (models subscribe to changes here). */
  onEnv(initialise: (env: Env) => void): void {
    this.envInitialisers.push(initialise);
  }

  initialiseEnv(env: Env): void {
    for (const initialise of this.envInitialisers) initialise(env);
  }

  register(definition: TModelDef): void {
    // Copies: definitions are shared module constants, and each registry numbers its own fields.
    const fields: TFieldDef[] = [
      { name: "id", type: "integer", string: "ID" },
      ...definition.fields.map((field) => ({ ...field })),
    ];
    for (const magic of MAGIC_FIELDS) if (!fields.some((field) => field.name === magic.name)) fields.push({ ...magic });
    const displayName = fields.find((field) => field.name === "display_name")!;
    displayName.compute ??= (record, env) => definition.displayName(record, env);
    const model: TModelDef = { ...definition, fields, modelId: definition.modelId ?? this.nextModelId++ };
    for (const field of fields) field.fieldId ??= this.nextFieldId++;
    this.models.set(model.name, model);
    this.fieldMaps.set(model.name, new Map(fields.map((field) => [field.name, field])));
  }

  /** Replaces a registered model's fields (the recorded definitions merged in); new fields get ids. */
  redefine(name: string, fields: TFieldDef[]): void {
    const model = this.models.get(name)!;
    for (const field of fields) field.fieldId ??= this.nextFieldId++;
    model.fields = fields;
    this.fieldMaps.set(name, new Map(fields.map((field) => [field.name, field])));
  }

  get(name: string): TModelDef | undefined {
    return this.models.get(name);
  }

  field(model: string, name: string): TFieldDef | undefined {
    return this.fieldMaps.get(model)?.get(name);
  }

  all(): TModelDef[] {
    return [...this.models.values()];
  }

  fieldById(fieldId: number): { model: TModelDef; field: TFieldDef } | undefined {
    for (const model of this.models.values()) {
      const field = model.fields.find((candidate) => candidate.fieldId === fieldId);
      if (field) return { model, field };
    }

    return undefined;
  }

  modelById(modelId: number): TModelDef | undefined {
    return [...this.models.values()].find((model) => model.modelId === modelId);
  }
}
