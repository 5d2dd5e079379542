"use client";

import {
  Field,
  NumberInput,
  SelectInput,
  TextInput,
  type TPathErrors,
} from "@/components/portal/configurator/editor-fields";
import { Button } from "@/components/ui/button";
import type { TModelOption } from "@/lib/configurator/model";

const KINDS = [
  { value: "enum", label: "One of a list" },
  { value: "multi", label: "Several of a list" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "Yes / no add-on" },
];

/** A fresh option of a kind, keeping its code and label. */
export function optionOfKind(option: Pick<TModelOption, "code" | "label">, kind: TModelOption["kind"]): TModelOption {
  switch (kind) {
    case "enum":
      return {
        code: option.code,
        label: option.label,
        kind,
        values: [{ code: "a", label: "A", sku: null, image: null }],
        default: null,
      };
    case "multi":
      return {
        code: option.code,
        label: option.label,
        kind,
        values: [{ code: "a", label: "A", sku: null, image: null }],
        default: [],
      };
    case "number":
      return { code: option.code, label: option.label, kind, min: 0, max: 100, step: 1, unit: "", default: null };
    case "boolean":
      return { code: option.code, label: option.label, kind, default: false };
  }
}

type TProps = {
  option: TModelOption;
  index: number;
  errors: TPathErrors;
  skus: string[];
  onChange: (option: TModelOption) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
};

export function OptionEditor({ option, index, errors, skus, onChange, onRemove, onMove }: TProps) {
  const path = `options.${index}`;
  const set = (patch: Partial<TModelOption>) => onChange({ ...option, ...patch } as TModelOption);

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="option-editor">
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
        <Field label="Code (used by price rules)" path={`${path}.code`} errors={errors}>
          <TextInput value={option.code} onChange={(code) => set({ code })} />
        </Field>
        <Field label="Label (buyers see)" path={`${path}.label`} errors={errors}>
          <TextInput value={option.label} onChange={(label) => set({ label })} />
        </Field>
        <Field label="Kind" path={`${path}.kind`} errors={errors}>
          <SelectInput
            value={option.kind}
            options={KINDS}
            onChange={(kind) => onChange(optionOfKind(option, kind as TModelOption["kind"]))}
          />
        </Field>
        <div className="flex items-end gap-1">
          <Button size="sm" variant="ghost" aria-label={`Move ${option.code} up`} onClick={() => onMove(-1)}>
            ↑
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Move ${option.code} down`} onClick={() => onMove(1)}>
            ↓
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Remove ${option.code}`} onClick={onRemove}>
            ✕
          </Button>
        </div>
      </div>
      {option.kind === "number" && (
        <div className="grid gap-3 sm:grid-cols-5">
          <Field label="Minimum" path={`${path}.min`} errors={errors}>
            <NumberInput value={option.min} onChange={(min) => set({ min: min ?? Number.NaN })} />
          </Field>
          <Field label="Maximum" path={`${path}.max`} errors={errors}>
            <NumberInput value={option.max} onChange={(max) => set({ max: max ?? Number.NaN })} />
          </Field>
          <Field label="Step" path={`${path}.step`} errors={errors}>
            <NumberInput value={option.step} onChange={(step) => set({ step: step ?? Number.NaN })} />
          </Field>
          <Field label="Unit" path={`${path}.unit`} errors={errors}>
            <TextInput value={option.unit} onChange={(unit) => set({ unit })} />
          </Field>
          <Field label="Default" path={`${path}.default`} errors={errors}>
            <NumberInput value={option.default} onChange={(value) => set({ default: value })} />
          </Field>
        </div>
      )}
      {option.kind === "boolean" && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={option.default}
            onChange={(event) => set({ default: event.target.checked })}
          />{" "}
          On by default
        </label>
      )}
      {(option.kind === "enum" || option.kind === "multi") && (
        <div className="space-y-2">
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="pb-1 font-medium">Value code</th>
                <th className="pb-1 font-medium">Label</th>
                <th className="pb-1 font-medium">Image URL</th>
                {option.kind === "enum" && <th className="pb-1 font-medium">Selects variant</th>}
                <th className="pb-1 font-medium">Default</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {option.values.map((value, position) => {
                const setValue = (patch: Partial<typeof value>) =>
                  set({
                    values: option.values.map((item, at) => (at === position ? { ...item, ...patch } : item)),
                  } as Partial<TModelOption>);
                const isDefault =
                  option.kind === "enum" ? option.default === value.code : option.default.includes(value.code);

                return (
                  <tr key={position} className="align-top">
                    <td className="pr-2 pb-2">
                      <Field label="" path={`${path}.values.${position}.code`} errors={errors}>
                        <TextInput aria-label="Value code" value={value.code} onChange={(code) => setValue({ code })} />
                      </Field>
                    </td>
                    <td className="pr-2 pb-2">
                      <Field label="" path={`${path}.values.${position}.label`} errors={errors}>
                        <TextInput
                          aria-label="Value label"
                          value={value.label}
                          onChange={(label) => setValue({ label })}
                        />
                      </Field>
                    </td>
                    <td className="pr-2 pb-2">
                      <Field label="" path={`${path}.values.${position}.image`} errors={errors}>
                        <TextInput
                          aria-label="Image URL"
                          placeholder="optional"
                          value={value.image ?? ""}
                          onChange={(image) => setValue({ image: image.trim() || null })}
                        />
                      </Field>
                    </td>
                    {option.kind === "enum" && (
                      <td className="pr-2 pb-2">
                        <SelectInput
                          aria-label="Variant SKU"
                          value={value.sku ?? ""}
                          options={[{ value: "", label: "—" }, ...skus.map((sku) => ({ value: sku, label: sku }))]}
                          onChange={(sku) => setValue({ sku: sku || null })}
                        />
                      </td>
                    )}
                    <td className="pr-2 pb-2 text-center">
                      <input
                        type={option.kind === "enum" ? "radio" : "checkbox"}
                        aria-label={`Default ${value.code}`}
                        checked={isDefault}
                        onChange={() =>
                          set(
                            option.kind === "enum"
                              ? { default: value.code }
                              : ({
                                  default: isDefault
                                    ? option.default.filter((code) => code !== value.code)
                                    : [...option.default, value.code],
                                } as Partial<TModelOption>),
                          )
                        }
                      />
                    </td>
                    <td className="pb-2">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove value ${value.code}`}
                        onClick={() =>
                          set({ values: option.values.filter((_, at) => at !== position) } as Partial<TModelOption>)
                        }
                      >
                        ✕
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {errors[`${path}.values`] && (
            <p className="text-xs text-red-600" role="alert">
              {errors[`${path}.values`]!.join(" ")}
            </p>
          )}
          {errors[`${path}.default`] && (
            <p className="text-xs text-red-600" role="alert">
              {errors[`${path}.default`]!.join(" ")}
            </p>
          )}
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              set({
                values: [
                  ...option.values,
                  {
                    code: `value_${option.values.length + 1}`,
                    label: `Value ${option.values.length + 1}`,
                    sku: null,
                    image: null,
                  },
                ],
              } as Partial<TModelOption>)
            }
          >
            Add value
          </Button>
        </div>
      )}
    </div>
  );
}
