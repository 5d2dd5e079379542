"use client";

import { ConditionEditor, conditionFor } from "@/components/portal/configurator/condition-editor";
import {
  Field,
  NumberInput,
  SelectInput,
  TextInput,
  type TPathErrors,
} from "@/components/portal/configurator/editor-fields";
import { Button } from "@/components/ui/button";
import type { TCondition, TConstraint, TModelOption } from "@/lib/configurator/model";

const TYPES = [
  { value: "requires", label: "When … it must be that …" },
  { value: "excludes", label: "When … it cannot be that …" },
  { value: "limit", label: "When … a number stays within …" },
  { value: "forbid", label: "This combination is not allowed" },
];

/** The constraint as the type changes, keeping what still makes sense. */
export function constraintOfType(
  constraint: Pick<TConstraint, "id" | "reason">,
  type: TConstraint["type"],
  options: TModelOption[],
): TConstraint {
  const first = conditionFor(options[0]!);
  const numberOption = options.find((option) => option.kind === "number");
  switch (type) {
    case "requires":
    case "excludes":
      return {
        id: constraint.id,
        reason: constraint.reason,
        type,
        if: [first],
        then: conditionFor(options[1] ?? options[0]!),
      };
    case "limit":
      return {
        id: constraint.id,
        reason: constraint.reason,
        type,
        if: [first],
        option: numberOption?.code ?? "",
        min: null,
        max: numberOption && numberOption.kind === "number" ? numberOption.max : null,
      };
    case "forbid":
      return { id: constraint.id, reason: constraint.reason, type, when: [first] };
  }
}

type TProps = {
  constraint: TConstraint;
  index: number;
  options: TModelOption[];
  errors: TPathErrors;
  onChange: (constraint: TConstraint) => void;
  onRemove: () => void;
};

export function ConstraintEditor({ constraint, index, options, errors, onChange, onRemove }: TProps) {
  const path = `constraints.${index}`;
  const premiseKey = constraint.type === "forbid" ? "when" : "if";
  const premises: TCondition[] = constraint.type === "forbid" ? constraint.when : constraint.if;
  const setPremises = (next: TCondition[]) => onChange({ ...constraint, [premiseKey]: next } as TConstraint);

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="constraint-editor">
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_auto]">
        <Field label="Id" path={`${path}.id`} errors={errors}>
          <TextInput value={constraint.id} onChange={(id) => onChange({ ...constraint, id })} />
        </Field>
        <Field label="Rule" path={`${path}.type`} errors={errors}>
          <SelectInput
            value={constraint.type}
            options={TYPES}
            onChange={(type) => onChange(constraintOfType(constraint, type as TConstraint["type"], options))}
          />
        </Field>
        <div className="flex items-end">
          <Button size="sm" variant="ghost" aria-label={`Remove ${constraint.id}`} onClick={onRemove}>
            ✕
          </Button>
        </div>
      </div>
      <div className="space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {constraint.type === "forbid" ? "Not allowed when all of" : "When all of"}
        </p>
        {premises.map((condition, position) => (
          <div key={position} className="flex items-start gap-2">
            <div className="flex-1">
              <ConditionEditor
                condition={condition}
                options={options}
                path={`${path}.${premiseKey}.${position}`}
                errors={errors}
                onChange={(next) => setPremises(premises.map((item, at) => (at === position ? next : item)))}
              />
            </div>
            <Button
              size="sm"
              variant="ghost"
              aria-label="Remove condition"
              onClick={() => setPremises(premises.filter((_, at) => at !== position))}
            >
              ✕
            </Button>
          </div>
        ))}
        {errors[`${path}.${premiseKey}`] && (
          <p className="text-xs text-red-600" role="alert">
            {errors[`${path}.${premiseKey}`]!.join(" ")}
          </p>
        )}
        <Button size="sm" variant="secondary" onClick={() => setPremises([...premises, conditionFor(options[0]!)])}>
          Add condition
        </Button>
      </div>
      {(constraint.type === "requires" || constraint.type === "excludes") && (
        <div className="space-y-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {constraint.type === "requires" ? "then it must be that" : "then it cannot be that"}
          </p>
          <ConditionEditor
            condition={constraint.then}
            options={options}
            path={`${path}.then`}
            errors={errors}
            onChange={(then) => onChange({ ...constraint, then })}
          />
        </div>
      )}
      {constraint.type === "limit" && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Number option" path={`${path}.option`} errors={errors}>
            <SelectInput
              value={constraint.option}
              options={options
                .filter((option) => option.kind === "number")
                .map((option) => ({ value: option.code, label: option.label }))}
              onChange={(option) => onChange({ ...constraint, option })}
            />
          </Field>
          <Field label="At least" path={`${path}.min`} errors={errors}>
            <NumberInput
              value={constraint.min}
              onChange={(min) => onChange({ ...constraint, min })}
              placeholder="no minimum"
            />
          </Field>
          <Field label="At most" path={`${path}.max`} errors={errors}>
            <NumberInput
              value={constraint.max}
              onChange={(max) => onChange({ ...constraint, max })}
              placeholder="no maximum"
            />
          </Field>
        </div>
      )}
      <Field label="Reason buyers see" path={`${path}.reason`} errors={errors}>
        <TextInput
          value={constraint.reason}
          onChange={(reason) => onChange({ ...constraint, reason })}
          placeholder="Glass tops are made up to 1800 mm wide."
        />
      </Field>
    </div>
  );
}
