// child_of and parent_of, as Odoo evaluates them: over the comodel's parent field (its
// _parent_name: parent_id, or location_id for locations), including the given records
// themselves; on a model without a parent field they mean `in`. Names are looked up
// like name_search (ilike on the display name).
import type { Env } from "./env";

const PARENT_FIELD: Record<string, string> = { "stock.location": "location_id" };

function parentField(env: Env, model: string): string | null {
  const name = PARENT_FIELD[model] ?? "parent_id";
  const field = env.registry.field(model, name);

  return field?.type === "many2one" && field.relation === model ? name : null;
}

function rootIds(env: Env, model: string, value: unknown): number[] {
  const values = Array.isArray(value) ? value : [value];

  return values.flatMap((item) => {
    if (typeof item === "number") return [item];
    if (typeof item !== "string") return [];
    const needle = item.toLowerCase();

    return env
      .all(model)
      .filter((record) => env.displayName(model, record.id).toLowerCase().includes(needle))
      .map((record) => record.id);
  });
}

/** The ids `operator` (child_of | parent_of) selects on `model` for `value`. */
export function hierarchyIds(env: Env, model: string, operator: string, value: unknown): Set<number> {
  const roots = new Set(rootIds(env, model, value));
  const parent = parentField(env, model);
  if (!parent) return roots;
  const parentOf = (id: number) => (env.get(model, id)?.[parent] as number | false | undefined) || null;
  if (operator === "parent_of") {
    const found = new Set<number>();
    for (const root of roots)
      for (let id: number | null = root; id !== null && !found.has(id); id = parentOf(id)) found.add(id);

    return found;
  }
  const found = new Set<number>();
  for (const record of env.all(model)) {
    const seen = new Set<number>();
    for (let id: number | null = record.id; id !== null && !seen.has(id); id = parentOf(id)) {
      seen.add(id);
      if (roots.has(id)) {
        found.add(record.id);
        break;
      }
    }
  }

  return found;
}
