import type { TModelDefinition } from "@/lib/configurator/model";
import { findViolations, solve } from "@/lib/configurator/solver";
import type { TConfiguration } from "@/lib/pricing/types";

// What is wrong with a model before it can be published: no configuration at all
// satisfies it, its defaults break a constraint, values that can never be chosen, SKUs
// the product does not have. Errors block publishing; warnings are shown.

export type TModelFinding = {
  severity: "error" | "warning";
  code: "CONTRADICTORY" | "DEFAULTS_INVALID" | "UNREACHABLE_VALUE" | "UNKNOWN_SKU";
  message: string;
  option?: string;
};

function declaredDefaults(model: TModelDefinition): TConfiguration {
  return Object.fromEntries(
    model.options.map((option) => [
      option.code,
      option.kind === "enum"
        ? (option.default ?? option.values[0]!.code)
        : option.kind === "number"
          ? (option.default ?? option.min)
          : option.default,
    ]),
  );
}

export function checkModel(model: TModelDefinition, productSkus: string[] | null): TModelFinding[] {
  const findings: TModelFinding[] = [];
  const free = solve(model, {}, declaredDefaults(model));
  if (!free.witness)
    return [
      {
        severity: "error",
        code: "CONTRADICTORY",
        message: "No configuration satisfies all the constraints together: buyers could not order this product.",
      },
    ];
  for (const constraint of findViolations(model, declaredDefaults(model))) {
    findings.push({
      severity: "error",
      code: "DEFAULTS_INVALID",
      message: `The default configuration breaks “${constraint.reason}” (${constraint.id}). Change a default or the constraint.`,
    });
  }
  for (const option of model.options) {
    const state = free.options[option.code];
    if (!state || state.kind === "number") {
      if (state?.kind === "number" && state.allowed.length === 0)
        findings.push({
          severity: "error",
          code: "UNREACHABLE_VALUE",
          message: `No value of ${option.label} is ever allowed.`,
          option: option.code,
        });
      continue;
    }
    for (const value of state.values) {
      if (!value.possible)
        findings.push({
          severity: "warning",
          code: "UNREACHABLE_VALUE",
          message: `${option.label} “${String(value.value)}” can never be chosen: ${value.reason}`,
          option: option.code,
        });
    }
  }
  if (productSkus) {
    for (const option of model.options) {
      if (option.kind !== "enum") continue;
      for (const value of option.values) {
        if (value.sku && !productSkus.includes(value.sku))
          findings.push({
            severity: "error",
            code: "UNKNOWN_SKU",
            message: `${option.label} “${value.label}” selects ${value.sku}, which is not a variant of this product.`,
            option: option.code,
          });
      }
    }
  }

  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}
