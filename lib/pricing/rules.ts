import { z } from "zod";

// The pricing rules a data manager edits, one zod schema per kind. Money is an integer
// number of minor units (cents) in the rule set's currency, percentages are basis points
// (1000 = 10 %), dates are ISO instants in UTC. Every rule may carry a validity window.

const ruleId = z.string().min(1).max(64);
const handle = z
  .string({ error: "Enter the product handle." })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "Use the product handle: lower-case letters, digits and dashes.");
const sku = z
  .string({ error: "Enter a SKU." })
  .trim()
  .min(1, "Enter a SKU.")
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "A SKU has letters, digits, dots, dashes and underscores only.");
const optionCode = z
  .string({ error: "Enter the option code." })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use the option code: lower-case letters, digits and underscores.");
const minor = (label: string) =>
  z
    .number({ error: `Enter ${label.toLowerCase()}.` })
    .int(`${label} must be whole cents.`)
    .min(-100_000_000)
    .max(1_000_000_000);
const positiveMinor = (label: string) => minor(label).min(0, `${label} cannot be negative.`);
const bps = z
  .number({ error: "Enter basis points (1000 = 10 %)." })
  .int("Use whole basis points.")
  .min(0, "Cannot be negative.")
  .max(10_000, "At most 10000 (100 %).");
const priority = z.number().int().min(0).max(1000).default(0);
const instant = z.iso
  .datetime({ offset: true, error: "Use an ISO date and time, e.g. 2026-12-01T00:00:00Z." })
  .nullable()
  .default(null);

const validity = { validFrom: instant, validTo: instant };

const withValidWindow = <T extends z.ZodObject>(schema: T) =>
  schema.refine(
    (rule: { validFrom?: string | null; validTo?: string | null }) =>
      !rule.validFrom || !rule.validTo || rule.validFrom < rule.validTo,
    {
      message: "The rule must start before it ends.",
      path: ["validTo"],
    },
  );

export const ZBasePriceRule = withValidWindow(
  z
    .object({
      id: ruleId,
      kind: z.literal("base_price"),
      sku,
      amount: positiveMinor("The price"),
      priority,
      note: z.string().max(200).default(""),
      ...validity,
    })
    .strict(),
);

export const ZSurchargeRule = withValidWindow(
  z
    .object({
      id: ruleId,
      kind: z.literal("surcharge"),
      product: handle,
      option: optionCode,
      /** For choice options: the value it applies to (omit for numeric options). */
      value: z.string().trim().max(60).nullable().default(null),
      mode: z.enum(["fixed", "percent", "per_unit"], { error: "Use fixed, percent or per_unit." }),
      /** fixed: cents per product unit; per_unit: cents per `step` of the option above `from`. */
      amount: minor("The surcharge").default(0),
      bps: bps.default(0),
      step: z.number().int().positive().max(1_000_000).default(1),
      from: z.number().int().min(0).max(10_000_000).default(0),
      priority,
      note: z.string().max(200).default(""),
      ...validity,
    })
    .strict(),
).refine((rule) => rule.mode !== "percent" || rule.bps > 0, {
  message: "A percentage surcharge needs basis points.",
  path: ["bps"],
});

export const ZDiscountScope = z.discriminatedUnion("type", [
  z.object({ type: z.literal("all") }).strict(),
  z.object({ type: z.literal("product"), product: handle }).strict(),
  z.object({ type: z.literal("category"), category: handle }).strict(),
]);

export const ZOrgDiscountRule = withValidWindow(
  z
    .object({
      id: ruleId,
      kind: z.literal("org_discount"),
      organisationId: z.uuid("Choose an organisation."),
      scope: ZDiscountScope,
      bps: bps.refine((value) => value > 0, "A discount must be more than 0."),
      /** Never combined with other discounts: applies alone when that gives the lower price. */
      exclusive: z.boolean().default(false),
      priority,
      note: z.string().max(200).default(""),
      ...validity,
    })
    .strict(),
);

export const ZContractPriceRule = withValidWindow(
  z
    .object({
      id: ruleId,
      kind: z.literal("contract_price"),
      organisationId: z.uuid("Choose an organisation."),
      sku,
      amount: positiveMinor("The contract price"),
      priority,
      note: z.string().max(200).default(""),
      ...validity,
    })
    .strict(),
);

export const ZTierRule = withValidWindow(
  z
    .object({
      id: ruleId,
      kind: z.literal("tier"),
      /** A product handle, or null for every product. */
      product: handle.nullable().default(null),
      /** Only for this organisation, or null for everyone. */
      organisationId: z.uuid().nullable().default(null),
      minQuantity: z
        .number({ error: "Enter the first quantity of the tier." })
        .int()
        .min(1, "Tiers start at 1 or more."),
      maxQuantity: z.number().int().min(1).nullable().default(null),
      mode: z.enum(["percent", "unit_price"], { error: "Use percent or unit_price." }),
      bps: bps.default(0),
      /** unit_price: the base price per unit from this quantity on (replaces the base price). */
      amount: positiveMinor("The tier price").default(0),
      priority,
      note: z.string().max(200).default(""),
      ...validity,
    })
    .strict(),
)
  .refine((rule) => rule.maxQuantity === null || rule.maxQuantity >= rule.minQuantity, {
    message: "The last quantity must be at least the first.",
    path: ["maxQuantity"],
  })
  .refine((rule) => rule.mode !== "percent" || rule.bps > 0, {
    message: "A percentage tier needs basis points.",
    path: ["bps"],
  });

export const ZPricingRule = z.union([ZBasePriceRule, ZSurchargeRule, ZOrgDiscountRule, ZContractPriceRule, ZTierRule]);

export const RULE_KINDS = ["base_price", "surcharge", "org_discount", "contract_price", "tier"] as const;
export type TRuleKind = (typeof RULE_KINDS)[number];

export const RULE_SCHEMAS = {
  base_price: ZBasePriceRule,
  surcharge: ZSurchargeRule,
  org_discount: ZOrgDiscountRule,
  contract_price: ZContractPriceRule,
  tier: ZTierRule,
} as const;

/**
 * How rules combine, which the editor states in words:
 * - discounts: "best" (the single largest applicable discount), "additive" (their sum, at
 *   most 100 %), "compound" (each on the price left by the previous, by priority) or
 *   "first_match" (only the highest-priority one). An exclusive discount never combines:
 *   it applies alone when that is better than the others combined.
 * - tiers: "stack" (a tier percentage comes on top of the organisation discount) or
 *   "best_of" (whichever of the two gives the lower price).
 */
export const ZPricingPolicy = z
  .object({
    discounts: z.enum(["best", "additive", "compound", "first_match"]).default("best"),
    tiers: z.enum(["stack", "best_of"]).default("stack"),
  })
  .strict();

export type TBasePriceRule = z.infer<typeof ZBasePriceRule>;
export type TSurchargeRule = z.infer<typeof ZSurchargeRule>;
export type TOrgDiscountRule = z.infer<typeof ZOrgDiscountRule>;
export type TContractPriceRule = z.infer<typeof ZContractPriceRule>;
export type TTierRule = z.infer<typeof ZTierRule>;
export type TPricingRule = z.infer<typeof ZPricingRule>;
export type TPricingPolicy = z.infer<typeof ZPricingPolicy>;

export const DEFAULT_POLICY: TPricingPolicy = { discounts: "best", tiers: "stack" };
