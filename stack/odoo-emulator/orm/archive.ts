// Archived records (active = false), as Odoo's active_test hides them: from search, unless
// the context sets active_test to false or the domain names `active` itself; and from
// one2many values, which Odoo reads with a search on the comodel.
import type { Env } from "./env";
import type { TRecord } from "./types";

const namesActive = (domain: unknown) =>
  Array.isArray(domain) && domain.some((term) => Array.isArray(term) && term[0] === "active");

/** The records a search on `domain` may see at all. */
export function searchable(env: Env, records: TRecord[], domain: unknown): TRecord[] {
  if (env.context.active_test === false || namesActive(domain)) return records;

  return records.filter((record) => record.active !== false);
}

/** One2many ids without the archived ones (unless active_test is off). */
export function visibleIds(env: Env, model: string, ids: number[]): number[] {
  if (env.context.active_test === false) return ids;

  return ids.filter((id) => env.get(model, id)?.active !== false);
}
