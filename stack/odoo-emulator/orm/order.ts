// ORDER BY for emulated searches: "write_date asc, id asc", a model's default _order, …
// Datetimes sort per whole second (then by the next key), which is what Odoo's polls show:
// two records written in the same second come back in id order (058/059).
import { toEpochSeconds } from "../clock";
import { UserError, ValueErrorPy } from "../errors";
import type { Env } from "./env";
import type { TRecord } from "./types";

type TOrderTerm = { field: string; descending: boolean; nullsFirst: boolean };

// Odoo's regex_order: comma-separated "field [asc|desc] [nulls first|last]" terms.
const ORDER_SPEC = /^(\s*[a-z0-9_]+(\s+(desc|asc))?(\s+nulls\s+(first|last))?\s*(,|$))+(?<!,)$/i;

export function parseOrder(env: Env, model: string, order: string): TOrderTerm[] {
  if (!ORDER_SPEC.test(order)) {
    throw UserError(
      `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
    );
  }

  return order
    .split(",")
    .map((part) => /^([a-z0-9_]+)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?$/.exec(part.trim().toLowerCase()))
    .filter((match): match is RegExpExecArray => Boolean(match))
    .map(([, field = "", direction = "asc", nulls]) => {
      if (!env.field(model, field)) throw ValueErrorPy(`Invalid field '${field}' on model '${model}'`);
      const descending = direction === "desc";

      // PostgreSQL's default: NULLs last ascending, first descending.
      return { field, descending, nullsFirst: nulls ? nulls === "first" : descending };
    });
}

function sortKey(env: Env, model: string, record: TRecord, fieldName: string): string | number | null {
  const field = env.field(model, fieldName)!;
  const value = env.value(model, record, field);
  // Odoo orders booleans as COALESCE(field, false): unset is false, and false comes first.
  if (field.type === "boolean") return value ? 1 : 0;
  if (value === false || value === null || value === undefined) return null;
  if (field.type === "datetime") return toEpochSeconds(value as string);
  if (field.type === "many2one") return env.displayName(field.relation!, value as number).toLowerCase();
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;

  return String(value).toLowerCase();
}

export function sortRecords(env: Env, model: string, records: TRecord[], order: string): TRecord[] {
  const terms = [...parseOrder(env, model, order), { field: "id", descending: false, nullsFirst: false }];

  return [...records].sort((a, b) => {
    for (const term of terms) {
      const left = sortKey(env, model, a, term.field);
      const right = sortKey(env, model, b, term.field);
      if (left === right) continue;
      if (left === null) return term.nullsFirst ? -1 : 1;
      if (right === null) return term.nullsFirst ? 1 : -1;
      const comparison = left < right ? -1 : 1;

      return term.descending ? -comparison : comparison;
    }

    return 0;
  });
}
