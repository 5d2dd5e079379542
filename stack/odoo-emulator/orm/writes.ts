// What create and write check and how they store values: field names and selection values
// (ValueError), many2one targets (MissingError), required fields (ValidationError), and
// Odoo's x2many commands.
import { normaliseTimestamp } from "../clock";
import { missingRecord, ValidationError, ValueErrorPy } from "../errors";
import type { Env } from "./env";
import type { TFieldDef, TModelDef, TRecord } from "./types";

export function checkValues(env: Env, model: string, values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    const field = env.field(model, name);
    if (!field) throw ValueErrorPy(`Invalid field '${name}' on model '${model}'`);
    if (
      field.type === "selection" &&
      value !== false &&
      value !== null &&
      !field.selection!.some(([key]) => key === value)
    ) {
      throw ValueErrorPy(
        `Wrong value for ${field.ownerModel ?? model}.${name}: ${value === undefined ? "None" : typeof value === "string" ? `'${value}'` : String(value)}`,
      );
    }
  }
}

export function checkManyToOne(env: Env, model: string, values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    const field = env.registry.field(model, name);
    if (field?.type === "many2one" && value !== false && value !== null && value !== undefined) {
      if (typeof value !== "number" || !Number.isInteger(value))
        throw ValueErrorPy(`Wrong value for ${model}.${name}: ${JSON.stringify(value)}`);
      if (!env.get(field.relation!, value)) throw missingRecord(field.relation!, [value], env.uid);
    }
  }
}

export function checkRequired(definition: TModelDef, values: Record<string, unknown>): void {
  for (const field of definition.fields) {
    const value = values[field.name];
    if (field.required && (value === undefined || value === false || value === null || value === "")) {
      throw ValidationError(
        `The operation cannot be completed: Missing required value for the field '${field.string}' (${field.name}).\nModel: '${definition.description}' (${definition.name})\n- create/update: a mandatory field is not set\n- delete: another model requires the record being deleted, you can archive it instead\n`,
      );
    }
  }
}

export function normaliseValue(field: TFieldDef, value: unknown, _current: number[]): unknown {
  if (value === null || value === undefined) return false;
  switch (field.type) {
    case "float":
    case "monetary":
      return Number(value);
    case "integer":
      return Math.trunc(Number(value));
    case "boolean":
      return Boolean(value);
    case "datetime":
      return value === false ? false : normaliseTimestamp(String(value));
    case "date":
      return value === false ? false : String(value).slice(0, 10);
    case "many2one":
      return value === false ? false : Number(value);
    default:
      return value;
  }
}

/** A value as stored: x2many without an inverse keep their id list, built from Odoo's commands. */
export function storedValue(env: Env, field: TFieldDef, value: unknown, current: number[]): unknown {
  if (field.type === "many2many" || field.type === "one2many") return applyIdListCommands(env, field, current, value);

  return normaliseValue(field, value, current);
}

/**
 * Splits values to write: related fields are written through their path once the record's own
 * values are in (skipped when the path ends nowhere); computed fields without an inverse are
 * dropped, as Odoo does.
 */
export function splitRelated(env: Env, model: string, values: Record<string, unknown>): [TFieldDef, unknown][] {
  const through: [TFieldDef, unknown][] = [];
  for (const name of Object.keys(values)) {
    const field = env.registry.field(model, name);
    if (!field || (!field.related && !field.ignoreWrites)) continue;
    if (field.related && !field.ignoreWrites) through.push([field, values[name]]);
    delete values[name];
  }

  return through;
}

export function writeThrough(env: Env, model: string, record: TRecord, through: [TFieldDef, unknown][]): void {
  for (const [field, value] of through) {
    const names = field.related!.split(".");
    const last = names.pop()!;
    let target: TRecord | undefined = record;
    let targetModel = model;
    for (const name of names) {
      const step = env.registry.field(targetModel, name);
      const id: unknown = step && target ? env.value(targetModel, target, step) : false;
      target = step?.relation && typeof id === "number" ? env.get(step.relation, id) : undefined;
      targetModel = step?.relation ?? targetModel;
    }
    if (target) env.write(targetModel, [target.id], { [last]: value });
  }
}

export function applyOneToManyCommands(env: Env, model: string, id: number, field: TFieldDef, commands: unknown): void {
  if (!Array.isArray(commands))
    throw ValueErrorPy(`Wrong value for ${model}.${field.name}: expected a list of commands`);
  for (const command of commands as unknown[][]) {
    const [code, targetId, vals] = command as [number, number, Record<string, unknown>];
    if (code === 0) env.create(field.relation!, { ...vals, [field.inverse!]: id });
    else if (code === 1) env.write(field.relation!, [targetId], vals);
    else if (code === 2) env.unlink(field.relation!, [targetId]);
    else if (code === 4) env.write(field.relation!, [targetId], { [field.inverse!]: id });
    else throw ValueErrorPy(`Unsupported command ${String(code)} for ${model}.${field.name}`);
  }
}

function applyIdListCommands(env: Env, field: TFieldDef, current: number[], value: unknown): number[] {
  if (!Array.isArray(value)) return current;
  if (value.every((item) => typeof item === "number")) return [...value] as number[];
  let ids = [...current];
  for (const command of value as unknown[][]) {
    const [code, id, list] = command as [number, number, number[]];
    if (code === 0) ids.push(env.create(field.relation!, (command[2] ?? {}) as Record<string, unknown>));
    else if (code === 1) env.write(field.relation!, [id], (command[2] ?? {}) as Record<string, unknown>);
    else if (code === 6) ids = [...(list ?? [])];
    else if (code === 4 && !ids.includes(id)) ids.push(id);
    else if (code === 3 || code === 2) ids = ids.filter((existing) => existing !== id);
    else if (code === 5) ids = [];
  }

  return ids;
}
