import { z } from "zod";
import { ZBreakdownLine } from "@/lib/cart/line-metadata";

// Inputs from the storefront. Prices are never among them: the server decides them.

const configurationValue = z.union([
  z.string().max(60),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(60)).max(50),
]);
export const ZConfigurationInput = z
  .record(z.string().max(40), configurationValue)
  .refine((value) => Object.keys(value).length <= 30, "Too many options.");
const quantity = z
  .number({ error: "Enter a quantity." })
  .int("Enter a whole number.")
  .min(1, "At least 1.")
  .max(100_000, "At most 100,000.");
const handle = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "No such product.");
/** The variant of a standard product with several (a configurable product's model picks it instead). */
const sku = z.string().trim().min(1).max(120).optional();

export const ZPriceRequest = z
  .object({ product: handle, configuration: ZConfigurationInput.default({}), quantity, sku })
  .strict();

export const ZAddToCartInput = z
  .object({
    product: handle,
    configuration: ZConfigurationInput.default({}),
    quantity,
    sku,
    /** The quote the buyer saw; the server checks it was issued for exactly this line and is unchanged. */
    quoteToken: z.string().min(10).max(4_000).optional(),
  })
  .strict();

export const ZReplaceCartLineInput = ZAddToCartInput.extend({
  cartId: z.string().min(1).max(120),
  lineId: z.string().min(1).max(120),
}).strict();
export const ZCartLineInput = z
  .object({ cartId: z.string().min(1).max(120), lineId: z.string().min(1).max(120) })
  .strict();
export const ZUpdateCartLineInput = z
  .object({ cartId: z.string().min(1).max(120), lineId: z.string().min(1).max(120), quantity })
  .strict();
export const ZQuickOrderInput = z
  .object({ text: z.string().min(1, "Paste or upload some rows.").max(200_000, "At most 200 kB.") })
  .strict();

export type TPriceRequest = z.infer<typeof ZPriceRequest>;

/** What POST /api/storefront/price answers: the route builds it, the live-price hook parses it. */
export const ZPriceResponse = z.object({
  sku: z.string(),
  currency: z.string().length(3),
  quantity: z.number().int().positive(),
  unitPrice: z.number().int().nonnegative(),
  lineTotal: z.number().int().nonnegative(),
  breakdown: z.array(ZBreakdownLine),
  quantityBreaks: z.array(
    z.object({ from: z.number().int(), to: z.number().int().nullable(), unitPrice: z.number().int() }),
  ),
  ruleSetVersionId: z.string(),
  modelVersionId: z.string().nullable(),
  quoteToken: z.string(),
  expiresAt: z.iso.datetime(),
});

export type TPriceResponse = z.infer<typeof ZPriceResponse>;
