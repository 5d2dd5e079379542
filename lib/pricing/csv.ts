import Papa from "papaparse";
import type { z } from "zod";
import { nextRuleIds } from "@/lib/pricing/rule-ids";
import { RULE_SCHEMAS, type TPricingRule, type TRuleKind } from "@/lib/pricing/rules";
import { formatAmount, formatPercent, parseAmount, parsePercent } from "@/lib/pricing/units";

// CSV import and export of one rule kind. Amounts are in currency units ("890.00"),
// percentages in percent ("10"), organisations by name, dates as ISO instants (a bare
// date means midnight UTC). An import checks every row and returns either all the rules
// or every row's errors: the caller applies all or nothing. Export → import round-trips.

export type TCsvRowError = { row: number; column: string | null; message: string };
export type TCsvParseResult = { ok: true; rules: TPricingRule[] } | { ok: false; errors: TCsvRowError[] };
export type TOrganisationNames = { idByName: Map<string, string>; nameById: Map<string, string> };
type TRow = Record<string, string>;

const WINDOW = ["priority", "valid_from", "valid_to", "note"] as const;

export const CSV_COLUMNS: Record<TRuleKind, readonly string[]> = {
  base_price: ["id", "sku", "amount", ...WINDOW],
  surcharge: ["id", "product", "option", "value", "mode", "amount", "percent", "step", "from", ...WINDOW],
  org_discount: ["id", "organisation", "scope", "scope_value", "percent", "exclusive", ...WINDOW],
  contract_price: ["id", "organisation", "sku", "amount", ...WINDOW],
  tier: ["id", "product", "organisation", "min_quantity", "max_quantity", "mode", "percent", "amount", ...WINDOW],
};

/** Where a zod issue on a rule field is shown: the CSV column it came from. */
const COLUMN_OF_FIELD: Record<string, string> = {
  bps: "percent",
  validFrom: "valid_from",
  validTo: "valid_to",
  organisationId: "organisation",
  minQuantity: "min_quantity",
  maxQuantity: "max_quantity",
  scope: "scope_value",
};

const MAX_ROWS = 20_000;
const FORMULA_START = /^[=+\-@\t\r]/;

// Spreadsheets run cells that start like a formula; a note is the only free text exported.
const escapeNote = (note: string) => (FORMULA_START.test(note) ? `'${note}` : note);
const unescapeNote = (note: string) =>
  note.startsWith("'") && FORMULA_START.test(note.slice(1)) ? note.slice(1) : note;

export function rulesToCsv(
  kind: TRuleKind,
  rules: TPricingRule[],
  currency: string,
  organisations: TOrganisationNames,
): string {
  const orgName = (id: string | null) => (id ? (organisations.nameById.get(id) ?? id) : "");
  const rows = rules
    .filter((rule) => rule.kind === kind)
    .map((rule): TRow => {
      const common = {
        id: rule.id,
        priority: String(rule.priority),
        valid_from: rule.validFrom ?? "",
        valid_to: rule.validTo ?? "",
        note: escapeNote(rule.note),
      };
      switch (rule.kind) {
        case "base_price":
          return { ...common, sku: rule.sku, amount: formatAmount(rule.amount, currency) };
        case "surcharge":
          return {
            ...common,
            product: rule.product,
            option: rule.option,
            value: rule.value ?? "",
            mode: rule.mode,
            amount: formatAmount(rule.amount, currency),
            percent: formatPercent(rule.bps),
            step: String(rule.step),
            from: String(rule.from),
          };
        case "org_discount":
          return {
            ...common,
            organisation: orgName(rule.organisationId),
            scope: rule.scope.type,
            scope_value:
              rule.scope.type === "product"
                ? rule.scope.product
                : rule.scope.type === "category"
                  ? rule.scope.category
                  : "",
            percent: formatPercent(rule.bps),
            exclusive: rule.exclusive ? "yes" : "no",
          };
        case "contract_price":
          return {
            ...common,
            organisation: orgName(rule.organisationId),
            sku: rule.sku,
            amount: formatAmount(rule.amount, currency),
          };
        case "tier":
          return {
            ...common,
            product: rule.product ?? "",
            organisation: orgName(rule.organisationId),
            min_quantity: String(rule.minQuantity),
            max_quantity: rule.maxQuantity === null ? "" : String(rule.maxQuantity),
            mode: rule.mode,
            percent: formatPercent(rule.bps),
            amount: formatAmount(rule.amount, currency),
          };
      }
    });

  return Papa.unparse(
    { fields: [...CSV_COLUMNS[kind]], data: rows.map((row) => CSV_COLUMNS[kind].map((column) => row[column] ?? "")) },
    { newline: "\r\n" },
  );
}

type TCell = { value: unknown } | { error: string };

/** Reads one row into a rule input (before zod): number and date columns parsed here. */
function readRow(
  kind: TRuleKind,
  row: TRow,
  currency: string,
  organisations: TOrganisationNames,
): { input: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const input: Record<string, unknown> = { kind };
  const text = (column: string) => (row[column] ?? "").trim();
  const set = (field: string, column: string, cell: TCell | undefined) => {
    if (!cell) return;
    if ("error" in cell) errors[column] = cell.error;
    else input[field] = cell.value;
  };
  const optional = (column: string, parse: (value: string) => TCell) =>
    text(column) === "" ? undefined : parse(text(column));
  const integer = (value: string): TCell =>
    /^-?\d{1,9}$/.test(value) ? { value: Number(value) } : { error: "Enter a whole number." };
  const amount = (value: string): TCell => {
    const parsed = parseAmount(value, currency);

    return parsed === null ? { error: `Enter an amount in ${currency}, e.g. 890.00.` } : { value: parsed };
  };
  const percent = (value: string): TCell => {
    const parsed = parsePercent(value);

    return parsed === null ? { error: "Enter a percentage, e.g. 10 or 12.5." } : { value: parsed };
  };
  const date = (value: string): TCell => {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;

    return Number.isNaN(Date.parse(iso)) || !/^\d{4}-\d{2}-\d{2}T/.test(iso)
      ? { error: "Use a date like 2026-12-01 or 2026-12-01T08:00:00Z." }
      : { value: new Date(iso).toISOString() };
  };
  const organisation = (value: string): TCell => {
    const id =
      organisations.idByName.get(value.toLowerCase()) ?? (organisations.nameById.has(value) ? value : undefined);

    return id ? { value: id } : { error: `No organisation called "${value}".` };
  };

  if (text("id")) input.id = text("id");
  set("priority", "priority", optional("priority", integer));
  set("validFrom", "valid_from", optional("valid_from", date));
  set("validTo", "valid_to", optional("valid_to", date));
  input.note = unescapeNote(row.note ?? "");
  for (const column of ["sku", "product", "option", "mode"])
    if (CSV_COLUMNS[kind].includes(column) && text(column)) input[column] = text(column);
  if (CSV_COLUMNS[kind].includes("amount")) set("amount", "amount", optional("amount", amount));
  if (CSV_COLUMNS[kind].includes("percent")) set("bps", "percent", optional("percent", percent));
  if (kind === "surcharge") {
    input.value = text("value") || null;
    set("step", "step", optional("step", integer));
    set("from", "from", optional("from", integer));
  }
  if (kind === "tier") {
    input.product = text("product") || null;
    input.organisationId = null;
    set(
      "minQuantity",
      "min_quantity",
      optional("min_quantity", integer) ?? { error: "Enter the first quantity of the tier." },
    );
    input.maxQuantity = null;
    set("maxQuantity", "max_quantity", optional("max_quantity", integer));
  }
  if (CSV_COLUMNS[kind].includes("organisation"))
    set(
      "organisationId",
      "organisation",
      optional("organisation", organisation) ??
        (kind === "tier" ? undefined : { error: "Enter the organisation's name." }),
    );
  if (kind === "org_discount") {
    const scope = text("scope") || "all";
    const value = text("scope_value");
    if (scope === "all") input.scope = { type: "all" };
    else if (scope === "product" || scope === "category") input.scope = { type: scope, [scope]: value };
    else errors.scope = "Use all, product or category.";
    if (text("exclusive")) {
      const flag = text("exclusive").toLowerCase();
      if (["yes", "true", "1"].includes(flag)) input.exclusive = true;
      else if (["no", "false", "0"].includes(flag)) input.exclusive = false;
      else errors.exclusive = "Use yes or no.";
    }
  }

  return { input, errors };
}

function columnOf(issue: z.core.$ZodIssue): string | null {
  const field = issue.path[0];

  return typeof field === "string" ? (COLUMN_OF_FIELD[field] ?? field) : null;
}

/** Parses a whole file of one kind, for a version holding `current`; rows without an id get a new one. */
export function parseRulesCsv({
  kind,
  text,
  currency,
  organisations,
  current,
}: {
  kind: TRuleKind;
  text: string;
  currency: string;
  organisations: TOrganisationNames;
  current: TPricingRule[];
}): TCsvParseResult {
  const parsed = Papa.parse<TRow>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = CSV_COLUMNS[kind].filter((column) => !headers.includes(column) && column !== "id");
  const unknown = headers.filter((column) => !CSV_COLUMNS[kind].includes(column));
  if (missing.length || unknown.length) {
    const problems = [
      missing.length ? `missing column(s) ${missing.join(", ")}` : "",
      unknown.length ? `unknown column(s) ${unknown.join(", ")}` : "",
    ].filter(Boolean);

    return {
      ok: false,
      errors: [
        {
          row: 1,
          column: null,
          message: `The header row does not match: ${problems.join("; ")}. Expected: ${CSV_COLUMNS[kind].join(", ")}.`,
        },
      ],
    };
  }
  if (parsed.data.length > MAX_ROWS)
    return { ok: false, errors: [{ row: 1, column: null, message: `At most ${MAX_ROWS} rows per file.` }] };

  const errors: TCsvRowError[] = parsed.errors.map((error) => ({
    row: (error.row ?? 0) + 2,
    column: null,
    message: error.message,
  }));
  const rules: TPricingRule[] = [];
  const firstRowOfId = new Map<string, number>();
  const otherKinds = new Map(current.filter((rule) => rule.kind !== kind).map((rule) => [rule.id, rule.kind]));
  const explicitIds = parsed.data.map((row) => ({ id: (row.id ?? "").trim() })).filter((row) => row.id);
  const freshIds = nextRuleIds(kind, [...current, ...explicitIds], parsed.data.length - explicitIds.length);
  const newId = () => freshIds.shift()!;
  parsed.data.forEach((row, index) => {
    const rowNumber = index + 2;
    const { input, errors: cellErrors } = readRow(kind, row, currency, organisations);
    for (const [column, message] of Object.entries(cellErrors)) errors.push({ row: rowNumber, column, message });
    input.id ??= newId();
    const id = String(input.id);
    if (firstRowOfId.has(id))
      errors.push({ row: rowNumber, column: "id", message: `${id} is also on row ${firstRowOfId.get(id)}.` });
    if (otherKinds.has(id))
      errors.push({
        row: rowNumber,
        column: "id",
        message: `${id} is the id of a ${otherKinds.get(id)!.replace("_", " ")} rule.`,
      });
    firstRowOfId.set(id, firstRowOfId.get(id) ?? rowNumber);
    if (Object.keys(cellErrors).length) return;
    const result = RULE_SCHEMAS[kind].safeParse(input);
    if (result.success) rules.push(result.data as TPricingRule);
    else
      for (const issue of result.error.issues)
        errors.push({ row: rowNumber, column: columnOf(issue), message: issue.message });
  });

  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.row - b.row) } : { ok: true, rules };
}

/** The rule set after an import: `replace` makes the file the whole list of its kind; `merge` updates by id and adds. */
export function applyImportedRules(
  current: TPricingRule[],
  kind: TRuleKind,
  imported: TPricingRule[],
  mode: "replace" | "merge",
): TPricingRule[] {
  if (mode === "replace") return [...current.filter((rule) => rule.kind !== kind), ...imported];
  const byId = new Map(imported.map((rule) => [rule.id, rule]));
  const updated = current.map((rule) => (rule.kind === kind && byId.has(rule.id) ? byId.get(rule.id)! : rule));
  const known = new Set(current.map((rule) => rule.id));

  return [...updated, ...imported.filter((rule) => !known.has(rule.id))];
}
