// ORDER BY for emulated searches: "write_date asc, id asc", a model's default _order, …
// Datetimes sort per whole second (then by the next key), which is what Odoo's polls show:
// two records written in the same second come back in id order (058/059).
import { toEpochSeconds } from "../clock";
import { ValueErrorPy } from "../errors";
import type { Env } from "./env";
import type { TRecord } from "./types";

type TOrderTerm = { field: string; descending: boolean };

export function parseOrder(env: Env, model: string, order: string): TOrderTerm[] {
  return order
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [field = "", direction = "asc"] = part.split(/\s+/);
      if (!env.field(model, field)) throw ValueErrorPy(`Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`);

      return { field, descending: direction.toLowerCase() === "desc" };
    });
}

function sortKey(env: Env, model: string, record: TRecord, fieldName: string): string | number | null {
  const field = env.field(model, fieldName)!;
  const value = env.value(model, record, field);
  if (value === false || value === null || value === undefined) return null;
  if (field.type === "datetime") return toEpochSeconds(value as string);
  if (field.type === "many2one") return env.displayName(field.relation!, value as number).toLowerCase();
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;

  return String(value).toLowerCase();
}

export function sortRecords(env: Env, model: string, records: TRecord[], order: string): TRecord[] {
  const terms = [...parseOrder(env, model, order), { field: "id", descending: false }];

  return [...records].sort((a, b) => {
    for (const term of terms) {
      const left = sortKey(env, model, a, term.field);
      const right = sortKey(env, model, b, term.field);
      if (left === right) continue;
      // PostgreSQL puts NULLs last when ascending, first when descending.
      if (left === null) return term.descending ? -1 : 1;
      if (right === null) return term.descending ? 1 : -1;
      const comparison = left < right ? -1 : 1;

      return term.descending ? -comparison : comparison;
    }

    return 0;
  });
}
