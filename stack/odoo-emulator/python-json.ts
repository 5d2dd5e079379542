// JSON as Odoo's Python writes it: `json.dumps` with ", " and ": " separators, floats that
// keep their ".0", and either raw UTF-8 (RPC responses) or \uXXXX escapes with sorted keys
// (webhook bodies). JavaScript's JSON.stringify differs on all three.

/** A number that is a Python float (Odoo float/monetary fields): 100 is written "100.0". */
export class PyFloat {
  constructor(readonly value: number) {}
}

export const pyFloat = (value: number) => new PyFloat(value);

type TOptions = { ensureAscii?: boolean; sortKeys?: boolean; indent?: number };

function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const text = String(value);

  return text.includes("e") ? text.replace(/e([+-])(\d)$/, "e$10$2") : text;
}

function stringRepr(value: string, ensureAscii: boolean): string {
  const json = JSON.stringify(value);
  if (!ensureAscii) return json;

  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function pythonDumps(value: unknown, options: TOptions = {}, depth = 0): string {
  const { ensureAscii = false, sortKeys = false, indent } = options;
  const newline = indent === undefined ? "" : `\n${" ".repeat(indent * (depth + 1))}`;
  const closing = indent === undefined ? "" : `\n${" ".repeat(indent * depth)}`;
  const itemSeparator = indent === undefined ? ", " : ",";

  if (value === null || value === undefined) return "null";
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : floatRepr(value);
  if (typeof value === "string") return stringRepr(value, ensureAscii);
  if (Array.isArray(value)) {
    if (!value.length) return "[]";

    return `[${newline}${value.map((item) => pythonDumps(item, options, depth + 1)).join(`${itemSeparator}${newline}`)}${closing}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (!entries.length) return "{}";
    const body = entries.map(
      ([key, item]) => `${stringRepr(key, ensureAscii)}: ${pythonDumps(item, options, depth + 1)}`,
    );

    return `{${newline}${body.join(`${itemSeparator}${newline}`)}${closing}}`;
  }

  return JSON.stringify(value);
}

/** Python's repr() of a domain leaf value, for Odoo's error messages: ('nope', '=', 1). */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : floatRepr(value);
  if (typeof value === "string") return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
      .join(", ")}}`;
  }

  return String(value);
}
