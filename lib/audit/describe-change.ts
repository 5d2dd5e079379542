type TJson = unknown;

function show(value: TJson): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;

  return JSON.stringify(value);
}

/** "isActive: true → false" for each field that differs between an audit entry's before and after. */
export function describeChange(before: TJson, after: TJson): string[] {
  const asRecord = (value: TJson) =>
    value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, TJson>) : {};
  const [from, to] = [asRecord(before), asRecord(after)];
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];

  return keys
    .filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]))
    .map((key) => `${key}: ${show(from[key])} → ${show(to[key])}`);
}
