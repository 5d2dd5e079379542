"use client";

import { Field, NumberInput, SelectInput, type TPathErrors } from "@/components/portal/configurator/editor-fields";
import type { TCondition, TModelOption } from "@/lib/configurator/model";

const OPS: Record<TModelOption["kind"], { value: TCondition["op"]; label: string }[]> = {
  enum: [
    { value: "is", label: "is" },
    { value: "is_not", label: "is not" },
    { value: "in", label: "is one of" },
    { value: "not_in", label: "is none of" },
  ],
  multi: [
    { value: "has", label: "includes" },
    { value: "lacks", label: "does not include" },
  ],
  number: [
    { value: "lt", label: "<" },
    { value: "lte", label: "≤" },
    { value: "gt", label: ">" },
    { value: "gte", label: "≥" },
    { value: "is", label: "=" },
    { value: "is_not", label: "≠" },
  ],
  boolean: [{ value: "is", label: "is" }],
};

/** A condition that fits an option: the first operator of its kind and a sensible value. */
export function conditionFor(option: TModelOption): TCondition {
  switch (option.kind) {
    case "enum":
    case "multi":
      return { option: option.code, op: OPS[option.kind][0]!.value, value: option.values[0]?.code ?? "" };
    case "number":
      return { option: option.code, op: "gt", value: option.min };
    case "boolean":
      return { option: option.code, op: "is", value: true };
  }
}

type TProps = {
  condition: TCondition;
  options: TModelOption[];
  path: string;
  errors: TPathErrors;
  onChange: (condition: TCondition) => void;
};

/** "width_mm > 2000", "top is glass", "extras includes lamp". */
export function ConditionEditor({ condition, options, path, errors, onChange }: TProps) {
  const option = options.find((item) => item.code === condition.option);
  const listValue = Array.isArray(condition.value) ? condition.value : [String(condition.value)];

  return (
    <div className="grid gap-2 sm:grid-cols-[1fr_auto_1fr]">
      <Field label="" path={`${path}.option`} errors={errors}>
        <SelectInput
          aria-label="Option"
          value={condition.option}
          options={options.map((item) => ({ value: item.code, label: item.label }))}
          onChange={(code) => {
            const next = options.find((item) => item.code === code);
            if (next) onChange(conditionFor(next));
          }}
        />
      </Field>
      <Field label="" path={`${path}.op`} errors={errors}>
        <SelectInput
          aria-label="Comparison"
          value={condition.op}
          options={option ? OPS[option.kind] : []}
          onChange={(op) =>
            onChange({
              ...condition,
              op: op as TCondition["op"],
              value:
                op === "in" || op === "not_in"
                  ? listValue
                  : Array.isArray(condition.value)
                    ? (condition.value[0] ?? "")
                    : condition.value,
            })
          }
        />
      </Field>
      <Field label="" path={`${path}.value`} errors={errors}>
        {option?.kind === "number" ? (
          <NumberInput
            aria-label="Value"
            value={typeof condition.value === "number" ? condition.value : null}
            onChange={(value) => onChange({ ...condition, value: value ?? Number.NaN })}
          />
        ) : option?.kind === "boolean" ? (
          <SelectInput
            aria-label="Value"
            value={String(condition.value)}
            options={[
              { value: "true", label: "yes" },
              { value: "false", label: "no" },
            ]}
            onChange={(value) => onChange({ ...condition, value: value === "true" })}
          />
        ) : condition.op === "in" || condition.op === "not_in" ? (
          <span className="flex flex-wrap gap-2 pt-1">
            {option &&
              "values" in option &&
              option.values.map((value) => (
                <label key={value.code} className="flex items-center gap-1 text-xs text-slate-700">
                  <input
                    type="checkbox"
                    checked={listValue.includes(value.code)}
                    onChange={(event) =>
                      onChange({
                        ...condition,
                        value: event.target.checked
                          ? [...listValue, value.code]
                          : listValue.filter((code) => code !== value.code),
                      })
                    }
                  />{" "}
                  {value.label}
                </label>
              ))}
          </span>
        ) : (
          <SelectInput
            aria-label="Value"
            value={String(condition.value)}
            options={
              option && "values" in option
                ? option.values.map((value) => ({ value: value.code, label: value.label }))
                : []
            }
            onChange={(value) => onChange({ ...condition, value })}
          />
        )}
      </Field>
    </div>
  );
}
