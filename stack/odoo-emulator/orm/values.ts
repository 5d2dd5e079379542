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
