import type { TFieldErrors } from "@/lib/errors";
import type { TModelDefinition } from "@/lib/configurator/model";
import { findViolations, solve } from "@/lib/configurator/solver";
import type { TConfiguration } from "@/lib/pricing/types";

// A buyer's configuration against a published model: checked option by option (type,
// known value, range and step), then against the constraints. The server trusts nothing
// else: this is what decides whether a configuration may be priced and ordered.

export type TConfigurationCheck =
  { ok: true; configuration: TConfiguration } | { ok: false; fieldErrors: TFieldErrors };

/** The model's defaults, moved to the nearest valid configuration when the defaults clash. */
export function defaultModelConfiguration(model: TModelDefinition): TConfiguration {
  const defaults: TConfiguration = Object.fromEntries(
    model.options.map((option) => {
      switch (option.kind) {
        case "enum":
          return [option.code, option.default ?? option.values[0]!.code];
        case "multi":
          return [option.code, option.default];
        case "number":
          return [option.code, option.default ?? option.min];
        case "boolean":
          return [option.code, option.default];
      }
    }),
  );

  return solve(model, {}, defaults).witness ?? defaults;
}

function checkValue(option: TModelDefinition["options"][number], value: unknown): string | null {
  switch (option.kind) {
    case "enum":
      return typeof value === "string" && option.values.some((item) => item.code === value)
        ? null
        : `Choose one of: ${option.values.map((item) => item.label).join(", ")}.`;
    case "multi":
      return Array.isArray(value) &&
        value.every((item) => option.values.some((known) => known.code === item)) &&
        new Set(value).size === value.length
        ? null
        : `Choose from: ${option.values.map((item) => item.label).join(", ")}.`;
    case "boolean":
      return typeof value === "boolean" ? null : "Choose yes or no.";
    case "number": {
      const unit = option.unit ? ` ${option.unit}` : "";
      if (typeof value !== "number" || !Number.isInteger(value))
        return `Enter a whole number${unit ? ` in${unit}` : ""}.`;
      if (value < option.min || value > option.max) return `Enter ${option.min}–${option.max}${unit}.`;

      return (value - option.min) % option.step === 0
        ? null
        : `Use steps of ${option.step}${unit} (e.g. ${option.min + option.step * Math.round((value - option.min) / option.step)}).`;
    }
  }
}

/** Every option present and well-formed, no unknown options, and no constraint broken. */
export function checkConfiguration(model: TModelDefinition, raw: Record<string, unknown>): TConfigurationCheck {
  const fieldErrors: TFieldErrors = {};
  for (const option of model.options) {
    const problem =
      raw[option.code] === undefined ? `Choose ${option.label.toLowerCase()}.` : checkValue(option, raw[option.code]);
    if (problem) fieldErrors[option.code] = [problem];
  }
  for (const key of Object.keys(raw))
    if (!model.options.some((option) => option.code === key)) fieldErrors[key] = ["This product has no such option."];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const configuration = raw as TConfiguration;
  const violations = findViolations(model, configuration);
  if (violations.length)
    return { ok: false, fieldErrors: { _form: violations.map((constraint) => constraint.reason) } };

  return {
    ok: true,
    configuration: Object.fromEntries(model.options.map((option) => [option.code, configuration[option.code]!])),
  };
}

/** The SKU a configuration orders: the value of the option that selects the variant, or the product's only SKU. */
export function resolveSku(
  model: TModelDefinition,
  configuration: TConfiguration,
  productSkus: string[],
): string | null {
  for (const option of model.options) {
    if (option.kind !== "enum" || !option.values.some((value) => value.sku)) continue;

    return option.values.find((value) => value.code === configuration[option.code])?.sku ?? null;
  }

  return productSkus.length === 1 ? productSkus[0]! : null;
}

/** "Width 1800 mm · Top Walnut · Legs Oak · Cable port" — for carts and orders. */
export function summariseConfiguration(model: TModelDefinition, configuration: TConfiguration): string {
  return model.options
    .flatMap((option) => {
      const value = configuration[option.code];
      switch (option.kind) {
        case "enum":
          return [`${option.label} ${option.values.find((item) => item.code === value)?.label ?? String(value)}`];
        case "multi":
          return Array.isArray(value) && value.length
            ? [
                `${option.label}: ${value.map((code) => option.values.find((item) => item.code === code)?.label ?? code).join(", ")}`,
              ]
            : [];
        case "number":
          return [`${option.label} ${String(value)}${option.unit ? ` ${option.unit}` : ""}`];
        case "boolean":
          return value === true ? [option.label] : [];
      }
    })
    .join(" · ");
}
