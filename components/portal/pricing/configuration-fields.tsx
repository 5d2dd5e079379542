"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TOptionFact } from "@/lib/pricing/catalog";
import type { TConfiguration } from "@/lib/pricing/types";

/** Inputs for a product's configurable options (numbers, choices, add-ons). */
export function ConfigurationFields({
  options,
  configuration,
  onChange,
}: {
  options: TOptionFact[];
  configuration: TConfiguration;
  onChange: (next: TConfiguration) => void;
}) {
  const set = (code: string, value: TConfiguration[string]) => onChange({ ...configuration, [code]: value });
  if (!options.length) return null;

  return (
    <fieldset className="space-y-3 rounded-lg bg-slate-50 p-3">
      <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Configuration</legend>
      {options.map((option) => {
        const id = `option-${option.code}`;
        const label = `${option.label ?? option.code}${option.kind === "number" && option.unit ? ` (${option.unit})` : ""}`;
        switch (option.kind) {
          case "number":
            return (
              <FormField
                key={option.code}
                id={id}
                label={label}
                hint={option.min !== undefined && option.max !== undefined ? `${option.min}–${option.max}` : undefined}
              >
                <Input
                  type="number"
                  min={option.min}
                  max={option.max}
                  step={option.step}
                  value={String(configuration[option.code] ?? "")}
                  onChange={(event) => set(option.code, event.target.value === "" ? 0 : Number(event.target.value))}
                />
              </FormField>
            );
          case "choice":
            return (
              <FormField key={option.code} id={id} label={label}>
                <Select
                  value={String(configuration[option.code] ?? "")}
                  onChange={(event) => set(option.code, event.target.value)}
                >
                  {option.values.map((value) => (
                    <option key={value} value={value}>
                      {value}
                    </option>
                  ))}
                </Select>
              </FormField>
            );
          case "boolean":
            return (
              <label key={option.code} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={configuration[option.code] === true}
                  onChange={(event) => set(option.code, event.target.checked)}
                />{" "}
                {label}
              </label>
            );
          case "multi":
            return (
              <fieldset key={option.code} className="space-y-1 text-sm">
                <legend className="font-medium text-slate-700">{label}</legend>
                {option.values.map((value) => {
                  const chosen = (configuration[option.code] as string[] | undefined) ?? [];

                  return (
                    <label key={value} className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        checked={chosen.includes(value)}
                        onChange={(event) =>
                          set(
                            option.code,
                            event.target.checked ? [...chosen, value] : chosen.filter((item) => item !== value),
                          )
                        }
                      />{" "}
                      {value}
                    </label>
                  );
                })}
              </fieldset>
            );
        }
      })}
    </fieldset>
  );
}
