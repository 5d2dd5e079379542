import { z } from "zod";

// A configuration model: the options a buyer chooses for one configurable product, their
// defaults, and the constraints between them, each with the reason buyers are shown.
// Option and value codes are what pricing rules refer to (surcharge option/value).

const code = z
  .string({ error: "Enter a code." })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and underscores, starting with a letter.");
const valueCode = z
  .string({ error: "Enter a value code." })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, "Use lower-case letters, digits, dashes and underscores.");
const label = z.string().trim().min(1, "Enter a label.").max(80);
const sku = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, "A SKU has letters, digits, dots, dashes and underscores only.");

export const ZOptionValue = z
  .object({
    code: valueCode,
    label,
    /** The Medusa variant this value selects (at most one option of a model maps values to SKUs). */
    sku: sku.nullable().default(null),
    image: z.url().max(500).nullable().default(null),
  })
  .strict();

const values = z.array(ZOptionValue).min(1, "Add at least one value.").max(50);

export const ZModelOption = z.discriminatedUnion("kind", [
  z.object({ code, label, kind: z.literal("enum"), values, default: valueCode.nullable().default(null) }).strict(),
  z.object({ code, label, kind: z.literal("multi"), values, default: z.array(valueCode).default([]) }).strict(),
  z
    .object({
      code,
      label,
      kind: z.literal("number"),
      min: z.number().int(),
      max: z.number().int(),
      step: z.number().int().positive().default(1),
      unit: z.string().trim().max(10).default(""),
      default: z.number().int().nullable().default(null),
    })
    .strict(),
  z.object({ code, label, kind: z.literal("boolean"), default: z.boolean().default(false) }).strict(),
]);

/** One test on an option: enum is/is_not/in/not_in, number comparisons, boolean is, multi has/lacks. */
export const ZCondition = z
  .object({
    option: code,
    op: z.enum(["is", "is_not", "in", "not_in", "lt", "lte", "gt", "gte", "has", "lacks"]),
    value: z.union([z.string().max(60), z.number().int(), z.boolean(), z.array(z.string().max(60)).min(1).max(50)]),
  })
  .strict();

const conditions = z.array(ZCondition).max(10);
const reason = z.string().trim().min(3, "Say why, in words a buyer understands.").max(200);
const constraintId = z.string().trim().min(1).max(40);

export const ZConstraint = z.discriminatedUnion("type", [
  /** When all `if` hold, `then` must hold. */
  z.object({ id: constraintId, type: z.literal("requires"), if: conditions, then: ZCondition, reason }).strict(),
  /** When all `if` hold, `then` must not hold. */
  z.object({ id: constraintId, type: z.literal("excludes"), if: conditions, then: ZCondition, reason }).strict(),
  /** When all `if` hold, a number option stays within min/max. */
  z
    .object({
      id: constraintId,
      type: z.literal("limit"),
      if: conditions,
      option: code,
      min: z.number().int().nullable().default(null),
      max: z.number().int().nullable().default(null),
      reason,
    })
    .strict(),
  /** A whole combination that is not allowed. */
  z
    .object({
      id: constraintId,
      type: z.literal("forbid"),
      when: conditions.min(1, "Add at least one condition."),
      reason,
    })
    .strict(),
]);

export type TModelOption = z.infer<typeof ZModelOption>;
export type TOptionValue = z.infer<typeof ZOptionValue>;
export type TCondition = z.infer<typeof ZCondition>;
export type TConstraint = z.infer<typeof ZConstraint>;

const OPS_BY_KIND: Record<TModelOption["kind"], TCondition["op"][]> = {
  enum: ["is", "is_not", "in", "not_in"],
  multi: ["has", "lacks"],
  number: ["is", "is_not", "lt", "lte", "gt", "gte"],
  boolean: ["is"],
};

type TIssue = { path: (string | number)[]; message: string };

function checkCondition(
  condition: TCondition,
  options: Map<string, TModelOption>,
  path: (string | number)[],
): TIssue[] {
  const option = options.get(condition.option);
  if (!option) return [{ path: [...path, "option"], message: `There is no option "${condition.option}".` }];
  if (!OPS_BY_KIND[option.kind].includes(condition.op))
    return [
      { path: [...path, "op"], message: `"${condition.op}" does not apply to ${option.kind} option ${option.code}.` },
    ];
  const expected =
    option.kind === "number"
      ? "number"
      : option.kind === "boolean"
        ? "boolean"
        : condition.op === "in" || condition.op === "not_in"
          ? "list"
          : "string";
  const actual = Array.isArray(condition.value) ? "list" : typeof condition.value;
  if (expected !== actual)
    return [
      {
        path: [...path, "value"],
        message: `Compare ${option.code} with a ${expected === "list" ? "list of values" : expected}.`,
      },
    ];
  if (option.kind === "enum" || option.kind === "multi") {
    const known = new Set(option.values.map((value) => value.code));
    const unknown = (Array.isArray(condition.value) ? condition.value : [String(condition.value)]).filter(
      (value) => !known.has(value),
    );
    if (unknown.length)
      return [{ path: [...path, "value"], message: `${option.code} has no value ${unknown.join(", ")}.` }];
  }

  return [];
}

function checkOption(option: TModelOption, index: number): TIssue[] {
  const path = ["options", index];
  if (option.kind === "number") {
    const issues: TIssue[] = [];
    if (option.min >= option.max)
      issues.push({ path: [...path, "max"], message: "The maximum must be above the minimum." });
    if ((option.max - option.min) % option.step !== 0)
      issues.push({ path: [...path, "step"], message: "The step must divide the range from minimum to maximum." });
    if (
      option.default !== null &&
      (option.default < option.min || option.default > option.max || (option.default - option.min) % option.step !== 0)
    ) {
      issues.push({ path: [...path, "default"], message: "The default must be within the range and on a step." });
    }

    return issues;
  }
  if (option.kind === "boolean") return [];
  const codes = option.values.map((value) => value.code);
  const duplicate = codes.find((value, position) => codes.indexOf(value) !== position);
  if (duplicate) return [{ path: [...path, "values"], message: `The value ${duplicate} appears twice.` }];
  const defaults = option.kind === "enum" ? (option.default ? [option.default] : []) : option.default;
  const unknown = defaults.filter((value) => !codes.includes(value));

  return unknown.length
    ? [{ path: [...path, "default"], message: `The default ${unknown.join(", ")} is not one of the values.` }]
    : [];
}

export const ZModelDefinition = z
  .object({
    options: z.array(ZModelOption).min(1, "Add at least one option.").max(30),
    constraints: z.array(ZConstraint).max(200).default([]),
  })
  .strict()
  .superRefine((model, context) => {
    const options = new Map<string, TModelOption>();
    const issues: TIssue[] = [];
    model.options.forEach((option, index) => {
      if (options.has(option.code))
        issues.push({ path: ["options", index, "code"], message: `The option ${option.code} appears twice.` });
      options.set(option.code, option);
      issues.push(...checkOption(option, index));
    });
    const skuOptions = model.options.filter(
      (option) => option.kind === "enum" && option.values.some((value) => value.sku),
    );
    if (skuOptions.length > 1)
      issues.push({ path: ["options"], message: "Only one option may select the variant (values with SKUs)." });
    for (const option of skuOptions) {
      if (option.kind === "enum" && option.values.some((value) => !value.sku))
        issues.push({
          path: ["options", model.options.indexOf(option), "values"],
          message: `Every value of ${option.code} needs a SKU, as it selects the variant.`,
        });
    }
    const ids = new Set<string>();
    model.constraints.forEach((constraint, index) => {
      const path = ["constraints", index];
      if (ids.has(constraint.id))
        issues.push({ path: [...path, "id"], message: `The constraint id ${constraint.id} appears twice.` });
      ids.add(constraint.id);
      const premises = constraint.type === "forbid" ? constraint.when : constraint.if;
      premises.forEach((condition, position) =>
        issues.push(
          ...checkCondition(condition, options, [...path, constraint.type === "forbid" ? "when" : "if", position]),
        ),
      );
      if (constraint.type === "requires" || constraint.type === "excludes")
        issues.push(...checkCondition(constraint.then, options, [...path, "then"]));
      if (constraint.type === "limit") {
        if (options.get(constraint.option)?.kind !== "number")
          issues.push({ path: [...path, "option"], message: `${constraint.option} is not a number option.` });
        if (constraint.min === null && constraint.max === null)
          issues.push({ path: [...path, "max"], message: "Give a minimum, a maximum or both." });
      }
    });
    for (const issue of issues) context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

export type TModelDefinition = z.infer<typeof ZModelDefinition>;
