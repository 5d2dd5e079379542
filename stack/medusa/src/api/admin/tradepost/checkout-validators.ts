import { z } from "zod";

const metadata = z.record(z.string(), z.unknown());
const address = z
  .object({
    first_name: z.string().max(200).optional(),
    last_name: z.string().max(200).optional(),
    company: z.string().max(200).optional(),
    address_1: z.string().max(200).optional(),
    address_2: z.string().max(200).optional(),
    city: z.string().max(120).optional(),
    postal_code: z.string().max(20).optional(),
    province: z.string().max(120).optional(),
    country_code: z.string().length(2),
    phone: z.string().max(60).optional(),
  })
  .strict();

// POST /admin/tradepost/carts/:id/complete. Amounts in whole currency units (12.9 = €12.90),
// decided by Tradepost: the shipping price from Odoo's carriers, each line's re-validated price.
export const ZCompleteCheckout = z
  .object({
    email: z.email(),
    shipping_address: address,
    billing_address: address,
    shipping: z
      .object({
        name: z.string().min(1).max(200),
        amount: z.number().nonnegative().max(1_000_000),
        data: metadata.optional(),
      })
      .strict(),
    metadata,
    lines: z
      .array(
        z.object({ id: z.string().min(1), unit_price: z.number().nonnegative().max(100_000_000), metadata }).strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

export type TCompleteCheckout = z.infer<typeof ZCompleteCheckout>;
