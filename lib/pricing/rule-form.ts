import type { TFieldErrors } from "@/lib/errors";
import { checkRule } from "@/lib/pricing/rule-input";
import type { TPricingRule, TRuleKind } from "@/lib/pricing/rules";
import { formatAmount, formatPercent, parseAmount, parsePercent } from "@/lib/pricing/units";

// The rule editor's form: text inputs (amounts in currency units, percentages, UTC date
// and time) to and from rules. Errors come back under the form's own field names.

export type TRuleForm = Record<string, string | boolean>;

// <input type="datetime-local"> gives "2026-12-01T08:30"; the editor labels it UTC.
const toLocalInput = (iso: string | null) => (iso ? iso.slice(0, 16) : "");

export function emptyRuleForm(kind: TRuleKind): TRuleForm {
  const common = { kind, priority: "0", validFrom: "", validTo: "", note: "" };
  switch (kind) {
    case "base_price":
      return { ...common, sku: "", amount: "" };
    case "surcharge":
      return {
        ...common,
        product: "",
        option: "",
        value: "",
        mode: "fixed",
        amount: "",
        percent: "",
        step: "1",
        from: "0",
      };
    case "org_discount":
      return { ...common, organisationId: "", scopeType: "all", scopeValue: "", percent: "", exclusive: false };
    case "contract_price":
      return { ...common, organisationId: "", sku: "", amount: "" };
    case "tier":
      return {
        ...common,
        product: "",
        organisationId: "",
        minQuantity: "",
        maxQuantity: "",
        mode: "percent",
        percent: "",
        amount: "",
      };
  }
}

export function ruleToForm(rule: TPricingRule, currency: string): TRuleForm {
  const common = {
    kind: rule.kind,
    priority: String(rule.priority),
    validFrom: toLocalInput(rule.validFrom),
    validTo: toLocalInput(rule.validTo),
    note: rule.note,
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
        organisationId: rule.organisationId,
        scopeType: rule.scope.type,
        scopeValue:
          rule.scope.type === "product"
            ? rule.scope.product
            : rule.scope.type === "category"
              ? rule.scope.category
              : "",
        percent: formatPercent(rule.bps),
        exclusive: rule.exclusive,
      };
    case "contract_price":
      return {
        ...common,
        organisationId: rule.organisationId,
        sku: rule.sku,
        amount: formatAmount(rule.amount, currency),
      };
    case "tier":
      return {
        ...common,
        product: rule.product ?? "",
        organisationId: rule.organisationId ?? "",
        minQuantity: String(rule.minQuantity),
        maxQuantity: rule.maxQuantity === null ? "" : String(rule.maxQuantity),
        mode: rule.mode,
        percent: formatPercent(rule.bps),
        amount: formatAmount(rule.amount, currency),
      };
  }
}

const FORM_FIELD: Record<string, string> = {
  bps: "percent",
  scope: "scopeValue",
  "scope.product": "scopeValue",
  "scope.category": "scopeValue",
};

/** The rule input a form describes (for the server), or the form's field errors. */
export function formToRuleInput(
  form: TRuleForm,
  currency: string,
  id = "NEW",
): { ok: true; input: Record<string, unknown> } | { ok: false; fieldErrors: TFieldErrors } {
  const errors: TFieldErrors = {};
  const text = (field: string) => String(form[field] ?? "").trim();
  const instant = (field: string) => {
    if (!text(field)) return null;
    const date = new Date(`${text(field)}Z`);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text(field)) && !Number.isNaN(date.getTime()))
      return date.toISOString();
    errors[field] = ["Enter a date and time."];

    return undefined;
  };
  const input: Record<string, unknown> = {
    kind: form.kind,
    note: text("note"),
    validFrom: instant("validFrom"),
    validTo: instant("validTo"),
  };
  const integer = (field: string, { optional = false } = {}) => {
    if (!text(field)) return optional ? null : undefined;
    if (/^-?\d{1,9}$/.test(text(field))) return Number(text(field));
    errors[field] = ["Enter a whole number."];

    return undefined;
  };
  const amount = (field: string) => {
    if (!text(field)) return undefined;
    const parsed = parseAmount(text(field), currency);
    if (parsed === null) errors[field] = [`Enter an amount in ${currency}, e.g. 890.00.`];

    return parsed ?? undefined;
  };
  const percent = () => {
    if (!text("percent")) return undefined;
    const parsed = parsePercent(text("percent"));
    if (parsed === null) errors.percent = ["Enter a percentage, e.g. 10 or 12.5."];

    return parsed ?? undefined;
  };
  input.priority = integer("priority") ?? 0;
  for (const field of ["sku", "product", "option", "mode", "organisationId"])
    if (field in form) input[field] = text(field) || undefined;
  if ("amount" in form) input.amount = amount("amount");
  if ("percent" in form) input.bps = percent();
  if (form.kind === "surcharge")
    Object.assign(input, { value: text("value") || null, step: integer("step"), from: integer("from") });
  if (form.kind === "tier")
    Object.assign(input, {
      product: text("product") || null,
      organisationId: text("organisationId") || null,
      minQuantity: integer("minQuantity"),
      maxQuantity: integer("maxQuantity", { optional: true }),
    });
  if (form.kind === "org_discount") {
    const type = text("scopeType") || "all";
    input.scope = type === "all" ? { type } : { type, [type]: text("scopeValue") };
    input.exclusive = form.exclusive === true;
  }
  for (const [key, value] of Object.entries(input)) if (value === undefined) delete input[key];
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  const checked = checkRule(input, id);
  if (checked.ok) return { ok: true, input };

  return { ok: false, fieldErrors: toFormErrors(checked.fieldErrors) };
}

/** Server or schema errors (rule field paths) under the form's field names. */
export function toFormErrors(fieldErrors: TFieldErrors): TFieldErrors {
  const mapped: TFieldErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors))
    (mapped[FORM_FIELD[path] ?? path.split(".")[0]!] ??= []).push(...messages);

  return mapped;
}
