import { z } from "zod";
import type { TConfiguration } from "@/lib/pricing/types";

// What pricing needs to know about the catalogue: each product's SKUs, categories and
// configurable options. The conflict detector checks rules against it; the simulator and
// the what-if run build configurations from it. Options come from the product's
// configuration model (until configurator models exist, the Medusa product's
// `metadata.configuration_options`, parsed with ZOptionFact).

const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const ZOptionFact = z.discriminatedUnion("kind", [
  z.object({
    code,
    label: z.string().max(80).optional(),
    kind: z.literal("choice"),
    values: z.array(z.string().min(1).max(60)).min(1),
    default: z.string().optional(),
    /** When this option selects the product's variant: the SKU of each value. */
    skus: z.record(z.string(), z.string()).optional(),
  }),
  z.object({
    code,
    label: z.string().max(80).optional(),
    kind: z.literal("multi"),
    values: z.array(z.string().min(1).max(60)).min(1),
    default: z.array(z.string()).optional(),
  }),
  z.object({
    code,
    label: z.string().max(80).optional(),
    kind: z.literal("number"),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    step: z.number().int().positive().optional(),
    unit: z.string().max(10).optional(),
    default: z.number().int().optional(),
  }),
  z.object({ code, label: z.string().max(80).optional(), kind: z.literal("boolean"), default: z.boolean().optional() }),
]);

export type TOptionFact = z.infer<typeof ZOptionFact>;
export type TProductFact = {
  handle: string;
  title?: string;
  skus: string[];
  categories: string[];
  options: TOptionFact[];
};
export type TCatalogFacts = { products: TProductFact[]; organisationIds: string[] };

/** The configuration a buyer starts from: each option's default, else its first value or minimum. */
export function defaultConfiguration(options: TOptionFact[]): TConfiguration {
  return Object.fromEntries(
    options.map((option) => {
      switch (option.kind) {
        case "choice":
          return [option.code, option.default ?? option.values[0]!];
        case "multi":
          return [option.code, option.default ?? []];
        case "number":
          return [option.code, option.default ?? option.min ?? 0];
        case "boolean":
          return [option.code, option.default ?? false];
      }
    }),
  );
}

/** The SKU a configuration selects, when one of the options selects the variant. */
export function skuFromOptions(options: TOptionFact[], configuration: TConfiguration): string | null {
  const selecting = options.find((option) => option.kind === "choice" && option.skus);

  return selecting?.kind === "choice" && selecting.skus
    ? (selecting.skus[String(configuration[selecting.code])] ?? null)
    : null;
}

/** "width_mm 1600, top walnut, cable_port" — a configuration in one line. */
export function describeConfiguration(configuration: TConfiguration): string {
  const parts = Object.entries(configuration).flatMap(([key, value]) => {
    if (value === false || (Array.isArray(value) && !value.length)) return [];
    if (value === true) return [key];

    return [`${key} ${Array.isArray(value) ? value.join("+") : value}`];
  });

  return parts.join(", ") || "standard";
}
