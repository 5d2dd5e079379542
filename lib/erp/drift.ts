// Differences between what the ERP cache holds and what Odoo says now, field by field. Pure:
// the drift report reads both sides and asks this what differs.

export type TDriftValue = string | number | boolean | null;
export type TDrift = { field: string; cached: TDriftValue; actual: TDriftValue };

/** The fields whose values differ (numbers compared at `precision` decimals, as the cache stores them). */
export function diffFields(
  cached: Record<string, TDriftValue>,
  actual: Record<string, TDriftValue>,
  precision = 4,
): TDrift[] {
  const scale = 10 ** precision;
  const same = (a: TDriftValue, b: TDriftValue) =>
    typeof a === "number" && typeof b === "number" ? Math.round(a * scale) === Math.round(b * scale) : a === b;

  return Object.keys(actual).flatMap((field) => {
    const before = cached[field] ?? null;
    const now = actual[field] ?? null;

    return same(before, now) ? [] : [{ field, cached: before, actual: now }];
  });
}

/** Every `every`-th item (at least one), starting at `offset`: a rotating sample across runs. */
export function sampleOf<T>(items: readonly T[], size: number, offset: number): T[] {
  if (size >= items.length) return [...items];

  return Array.from({ length: size }, (_, index) => items[(offset + index) % items.length]!);
}
