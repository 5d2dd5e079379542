import { z } from "zod";
import { ZBulkPatch } from "@/lib/pricing/rule-input";
import { RULE_KINDS, ZPricingPolicy, ZPricingRule } from "@/lib/pricing/rules";

// Inputs of the pricing server actions. Rules themselves are checked per kind by the use
// case (lib/pricing/rule-input.ts) so that their errors come back field by field.

const versionId = z.uuid("Choose a version.");
const MAX_RULES_PER_CHANGE = 10_000;

export const ZCreateRuleSetInput = z
  .object({
    name: z.string().trim().min(2, "Give the rule set a name.").max(120),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. EUR."),
  })
  .strict();

export const ZRuleSetRef = z.object({ ruleSetId: z.uuid("Choose a rule set.") }).strict();
export const ZVersionRef = z.object({ versionId }).strict();

export const ZSaveRuleInput = z
  .object({ versionId, rule: z.record(z.string(), z.unknown()), before: ZPricingRule.nullable() })
  .strict();
export const ZDeleteRulesInput = z
  .object({ versionId, rules: z.array(ZPricingRule).min(1, "Select at least one rule.").max(MAX_RULES_PER_CHANGE) })
  .strict();
export const ZBulkEditRulesInput = z
  .object({
    versionId,
    rules: z.array(ZPricingRule).min(1, "Select at least one rule.").max(MAX_RULES_PER_CHANGE),
    patch: ZBulkPatch,
  })
  .strict();
export const ZUpdatePolicyInput = z.object({ versionId, policy: ZPricingPolicy }).strict();
export const ZUpdateNoteInput = z
  .object({ versionId, note: z.string().trim().max(500, "At most 500 characters.") })
  .strict();
export const ZAcknowledgeInput = z
  .object({ versionId, keys: z.array(z.string().min(1).max(500)).min(1).max(1_000) })
  .strict();
export const ZRejectInput = z
  .object({ versionId, reason: z.string().trim().min(3, "Say what needs to change.").max(500) })
  .strict();

export const ZPublishInput = z
  .object({
    versionId,
    /** null: now. */
    effectiveFrom: z.iso.datetime({ offset: true, error: "Choose a date and time." }).nullable(),
  })
  .strict();

export const ZImportRulesInput = z
  .object({
    versionId,
    kind: z.enum(RULE_KINDS),
    mode: z.enum(["replace", "merge"]),
    text: z.string().min(1, "The file is empty.").max(5_000_000, "The file is larger than 5 MB."),
  })
  .strict();

const configurationValue = z.union([
  z.string().max(200),
  z.number().int().min(-1_000_000_000).max(1_000_000_000),
  z.boolean(),
  z.array(z.string().max(200)).max(50),
]);

export const ZSimulateInput = z
  .object({
    versionId,
    product: z.string().min(1, "Choose a product.").max(120),
    sku: z.string().min(1, "Choose a SKU.").max(64),
    configuration: z
      .record(z.string().max(40), configurationValue)
      .refine((value) => Object.keys(value).length <= 50, "Too many options."),
    organisationId: z.uuid("Choose an organisation."),
    quantity: z
      .number({ error: "Enter a quantity." })
      .int("Enter a whole number.")
      .min(1, "At least 1.")
      .max(1_000_000),
    at: z.iso.datetime({ offset: true, error: "Choose a date and time." }),
  })
  .strict();

export const ZWhatIfInput = z
  .object({
    versionId,
    quantities: z
      .array(z.number().int().min(1).max(1_000_000))
      .min(1, "Enter at least one quantity.")
      .max(10, "At most 10 quantities."),
    thresholdBps: z.number().int().min(0).max(100_000),
  })
  .strict();
