// How stored values look to the outside: RPC `read` (many2one as [id, name], datetimes
// without microseconds, floats as floats) and webhook payloads (many2one as a bare id,
// datetimes with microseconds).
import { pyFloat } from "../python-json";
import { toReadFormat } from "../clock";
import { visibleIds } from "./archive";
import type { Env } from "./env";
import type { TFieldDef, TRecord } from "./types";

export function rawValue(env: Env, model: string, record: TRecord, field: TFieldDef): unknown {
  if (field.compute) return field.compute(record, env);
  if (field.related) return relatedValue(env, model, record, field);
  if (field.type === "one2many" && field.inverse)
    return visibleIds(env, field.relation!, env.inverseIds(field.relation!, field.inverse, record.id));

  return record[field.name] ?? emptyValue(field);
}

/** The value at the end of a related path ("order_id.partner_id"), or the field's empty value. */
function relatedValue(env: Env, model: string, record: TRecord, field: TFieldDef): unknown {
  const names = field.related!.split(".");
  let current: TRecord | undefined = record;
  let currentModel = model;
  for (const [index, name] of names.entries()) {
    const step = env.registry.field(currentModel, name);
    if (!step || !current) break;
    const value = env.value(currentModel, current, step);
    if (index === names.length - 1) return value;
    const id = Array.isArray(value) ? value[0] : value;
    if (!id || !step.relation) break;
    current = env.get(step.relation, id as number);
    currentModel = step.relation;
  }

  return emptyValue(field);
}

/** What Odoo's read gives for an unset value: 0 and 0.0 for numbers, [] for x2many, false otherwise. */
export function emptyValue(field: TFieldDef): unknown {
  switch (field.type) {
    case "integer":
    case "many2one_reference":
    case "float":
    case "monetary":
      return 0;
    case "many2many":
    case "one2many":
    case "properties":
      return [];
    default:
      return false;
  }
}

/**
 * A stored value as Odoo shows it: in RPC `read` many2one is [id, display_name] and
 * datetimes lose their microseconds; in webhook payloads many2one is a bare id and
 * datetimes keep them. Both show x2many as ordered id lists and floats as floats.
 */
function formatValue(env: Env, field: TFieldDef, value: unknown, style: "read" | "webhook"): unknown {
  switch (field.type) {
    case "many2one":
      if (!value) return false;

      return style === "read" ? [value, env.displayName(field.relation!, value as number)] : value;
    case "one2many":
    case "many2many":
      return env.sortIds(field.relation!, (value as number[]) ?? []);
    case "float":
    case "monetary":
      return pyFloat(Number(value ?? 0));
    case "datetime":
      return value && style === "read" ? toReadFormat(value as string) : (value ?? false);
    default:
      return value ?? false;
  }
}

export const toReadValue = (env: Env, field: TFieldDef, value: unknown) => formatValue(env, field, value, "read");
export const toWebhookValue = (env: Env, field: TFieldDef, value: unknown) => formatValue(env, field, value, "webhook");
