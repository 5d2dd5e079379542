// CSV as spreadsheets read it (RFC 4180: CRLF rows, fields with quotes, commas or line breaks
// quoted, quotes doubled). Text that a spreadsheet would run as a formula (starting with
// = + - @, or a tab or carriage return that some strip first) is prefixed with a quote mark,
// so a PO number typed as "=HYPERLINK(…)" stays text. Numbers we format ourselves are
// passed as { number } and never prefixed: "-12.50" must stay a number.

export type TCsvValue = string | { number: string } | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: TCsvValue): string {
  if (value === null) return "";
  const text = typeof value === "string" ? (FORMULA_START.test(value) ? `'${value}` : value) : value.number;

  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly TCsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
