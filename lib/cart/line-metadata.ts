import { z } from "zod";

// What Tradepost keeps on each Medusa cart line (metadata.tradepost): enough to re-check,
// re-price and explain the line later, and to pin the model and rule-set versions the
// order line will carry to Odoo. The unit price itself is the line's own `unit_price` (and
// signed in the quote): it is stored once.

export const ZBreakdownLine = z.object({
  type: z.enum(["base", "tier_price", "surcharge", "contract", "discount", "tier", "floor", "rounding"]),
  label: z.string(),
  amountMinor: z.number().int(),
  ruleId: z.string().optional(),
});

export const ZLineMetadata = z.object({
  product: z.string(),
  sku: z.string(),
  configuration: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  configuration_hash: z.string(),
  summary: z.string(),
  model_version_id: z.string().nullable(),
  rule_set_version_id: z.string(),
  organisation_id: z.string(),
  breakdown: z.array(ZBreakdownLine),
  quote_token: z.string(),
  quote_expires_at: z.string(),
  /** Set when the server re-priced the line because the rules changed; shown until the buyer confirms. */
  previous_unit_price_minor: z.number().int().nonnegative().nullable().default(null),
});

/** The most one cart line may hold (Medusa's custom routes enforce the same). */
export const MAX_LINE_QUANTITY = 100_000;

export type TLineMetadata = z.infer<typeof ZLineMetadata>;

export function readLineMetadata(metadata: Record<string, unknown> | null | undefined): TLineMetadata | null {
  const parsed = ZLineMetadata.safeParse(metadata?.tradepost);

  return parsed.success ? parsed.data : null;
}
