import { z } from "zod";

const metadata = z.record(z.string(), z.unknown());

// POST /admin/tradepost/carts
export const ZCreateCart = z
  .object({
    customer_id: z.string().min(1),
    email: z.email().optional(),
    region_id: z.string().min(1).optional(),
    sales_channel_id: z.string().min(1).optional(),
    // Must name the Tradepost organisation the cart is bought for.
    metadata: metadata.and(z.object({ organisation_id: z.string().min(1) })),
  })
  .strict();

export type TCreateCart = z.infer<typeof ZCreateCart>;

// POST /admin/tradepost/carts/:id/line-items
// unit_price is decided by Tradepost's pricing engine, in whole currency units (12.9 = €12.90).
export const ZAddPricedLineItem = z
  .object({
    variant_id: z.string().min(1),
    quantity: z.number().int().positive().max(100_000),
    unit_price: z.number().nonnegative().max(100_000_000),
    metadata: metadata.optional(),
  })
  .strict();

export type TAddPricedLineItem = z.infer<typeof ZAddPricedLineItem>;

// POST /admin/tradepost/carts/:id/line-items/:lineId – a new quantity with its re-decided price.
export const ZUpdatePricedLineItem = z
  .object({
    quantity: z.number().int().positive().max(100_000),
    unit_price: z.number().nonnegative().max(100_000_000),
    metadata: metadata.optional(),
  })
  .strict();

export type TUpdatePricedLineItem = z.infer<typeof ZUpdatePricedLineItem>;
