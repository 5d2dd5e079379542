"use client";

import { useId } from "react";
import { Choice } from "@/components/shared/choice";
import { cn } from "@/lib/cn";
import type { TFieldErrors } from "@/lib/errors";
import type { TModelDefinition, TModelOption } from "@/lib/configurator/model";
import type { TSolution } from "@/lib/configurator/solver";
import type { TConfiguration } from "@/lib/pricing/types";

type TProps = {
  model: TModelDefinition;
  configuration: TConfiguration;
  solution: TSolution;
  errors: TFieldErrors;
  onChange: (code: string, value: TConfiguration[string]) => void;
};

function NumberOption({
  option,
  value,
  state,
  error,
  onChange,
}: {
  option: Extract<TModelOption, { kind: "number" }>;
  value: unknown;
  state: TSolution["options"][string] | undefined;
  error?: string[];
  onChange: (next: number) => void;
}) {
  const id = useId();
  const allowed = state?.kind === "number" ? state.allowed : [];
  const range = allowed.length
    ? `${allowed.map((part) => `${part.min}–${part.max}`).join(", ")} ${option.unit}`
    : `${option.min}–${option.max} ${option.unit}`;
  const outside =
    state?.kind === "number" && typeof value === "number"
      ? state.blocked.find((part) => value >= part.from && value <= part.to)
      : undefined;
  const messages = [...(error ?? []), ...(outside ? [outside.reason] : [])];

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {option.label}
        {option.unit && <span className="font-normal text-slate-500"> ({option.unit})</span>}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={allowed[0]?.min ?? option.min}
        max={allowed.at(-1)?.max ?? option.max}
        step={option.step}
        value={typeof value === "number" && Number.isFinite(value) ? value : ""}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value === "" ? Number.NaN : Number(event.target.value))}
        className={cn(
          "h-10 w-40 rounded-md border bg-white px-3 text-sm shadow-xs",
          messages.length ? "border-red-500" : "border-slate-300",
        )}
      />
      <p
        id={`${id}-hint`}
        className={cn("text-xs", messages.length ? "text-red-600" : "text-slate-500")}
        role={messages.length ? "alert" : undefined}
      >
        {messages.length ? messages.join(" ") : `${range}, in steps of ${option.step}`}
      </p>
    </div>
  );
}

/** The buyer's configurator: every option of a model, with impossible values shown but not choosable. */
export function ConfiguratorForm({ model, configuration, solution, errors, onChange }: TProps) {
  return (
    <div className="space-y-5" data-testid="configurator">
      {model.options.map((option) => {
        const state = solution.options[option.code];
        const value = configuration[option.code];
        if (option.kind === "number")
          return (
            <NumberOption
              key={option.code}
              option={option}
              value={value}
              state={state}
              error={errors[option.code]}
              onChange={(next: number) => onChange(option.code, next)}
            />
          );
        const values = state && state.kind !== "number" ? state.values : [];
        const entries =
          option.kind === "boolean"
            ? [
                { code: true, label: "Yes" },
                { code: false, label: "No" },
              ]
            : option.values.map((item) => ({
                code: item.code as string | boolean,
                label: item.label,
                image: item.image,
              }));

        return (
          <fieldset
            key={option.code}
            className="space-y-2"
            role={option.kind === "multi" ? "group" : "radiogroup"}
            aria-label={option.label}
          >
            <legend className="text-sm font-medium text-slate-800">{option.label}</legend>
            <div className="flex flex-wrap gap-2">
              {entries.map((entry) => {
                const valueState = values.find((item) => item.value === entry.code);
                const chosen =
                  option.kind === "multi"
                    ? Array.isArray(value) && value.includes(String(entry.code))
                    : value === entry.code;
                const possible =
                  option.kind === "multi" && chosen
                    ? ((valueState as { canRemove?: boolean })?.canRemove ?? true)
                    : (valueState?.possible ?? true);
                const reason =
                  option.kind === "multi" && chosen
                    ? ((valueState as { removeReason?: string | null })?.removeReason ?? null)
                    : (valueState?.reason ?? null);
                const select = () => {
                  if (option.kind !== "multi") return onChange(option.code, entry.code);
                  const list = Array.isArray(value) ? value : [];
                  onChange(
                    option.code,
                    chosen ? list.filter((item) => item !== entry.code) : [...list, String(entry.code)],
                  );
                };

                return (
                  <Choice
                    key={String(entry.code)}
                    selected={chosen}
                    possible={possible}
                    reason={possible ? null : reason}
                    label={entry.label}
                    image={"image" in entry ? entry.image : null}
                    onSelect={select}
                    testId={`choice-${option.code}-${String(entry.code)}`}
                  />
                );
              })}
            </div>
            {errors[option.code] && (
              <p className="text-sm text-red-600" role="alert">
                {errors[option.code]!.join(" ")}
              </p>
            )}
          </fieldset>
        );
      })}
      {errors._form && (
        <p className="rounded-md bg-red-50 p-3 text-sm text-red-700" role="alert">
          {errors._form.join(" ")}
        </p>
      )}
    </div>
  );
}
