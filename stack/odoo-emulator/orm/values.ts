// How stored values look to the outside: RPC `read` (many2one as [id, name], datetimes
// without microseconds, floats as floats) and webhook payloads (many2one as a bare id,
// datetimes with microseconds).
import { pyFloat } from "../python-json";
import { toReadFormat } from "../clock";
import type { Env } from "./env";
import type { TFieldDef, TRecord } from "./types";

export function rawValue(env: Env, model: string, record: TRecord, field: TFieldDef): unknown {
  if (field.compute) return field.compute(record, env);
  if (field.type === "one2many") return env.inverseIds(field.relation!, field.inverse!, record.id);

  return record[field.name] ?? emptyValue(field);
}

export function emptyValue(field: TFieldDef): unknown {
  switch (field.type) {
    case "integer":
      return 0;
    case "float":
    case "monetary":
      return 0;
    case "boolean":
      return false;
    case "many2many":
    case "one2many":
      return [];
    default:
      return false;
  }
}

export function toReadValue(env: Env, field: TFieldDef, value: unknown): unknown {
  switch (field.type) {
    case "many2one":
      return value ? [value, env.displayName(field.relation!, value as number)] : false;
    case "one2many":
    case "many2many":
      return env.sortIds(field.relation!, (value as number[]) ?? []);
    case "float":
    case "monetary":
      return pyFloat(Number(value ?? 0));
    case "datetime":
      return value ? toReadFormat(value as string) : false;
    default:
      return value ?? false;
  }
}

export function toWebhookValue(env: Env, field: TFieldDef, value: unknown): unknown {
  switch (field.type) {
    case "many2one":
      return value || false;
    case "one2many":
    case "many2many":
      return env.sortIds(field.relation!, (value as number[]) ?? []);
    case "float":
    case "monetary":
      return pyFloat(Number(value ?? 0));
    default:
      return value ?? false;
  }
}
