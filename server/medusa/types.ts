import "server-only";
import { z } from "zod";

// The parts of Medusa's store API responses Tradepost reads. Parsed at the boundary so a
// changed or broken response becomes an UPSTREAM_FAILED error, not a crash in a page.

const ZCategory = z.object({ id: z.string(), name: z.string(), handle: z.string() });

export const ZMedusaProduct = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  subtitle: z.string().nullish(),
  description: z.string().nullish(),
  thumbnail: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  categories: z.array(ZCategory).nullish(),
  variants: z
    .array(
      z.object({
        id: z.string(),
        title: z.string().nullish(),
        sku: z.string().nullish(),
        variant_rank: z.number().nullish(),
        /** Grams, as the catalogue import writes Odoo's weight (Medusa's weight has no unit). */
        weight: z.coerce.number().nullish(),
      }),
    )
    .nullish(),
});

export const ZMedusaProductList = z.object({
  products: z.array(ZMedusaProduct),
  count: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
});

export const ZMedusaStoreList = z.object({ stores: z.array(z.object({ default_region_id: z.string().nullish() })) });
export const ZMedusaRegionResponse = z.object({
  region: z.object({ id: z.string(), currency_code: z.string().length(3) }),
});

export const ZMedusaCategoryList = z.object({ product_categories: z.array(ZCategory) });

export const ZMedusaCollectionList = z.object({
  collections: z.array(z.object({ id: z.string(), title: z.string(), handle: z.string() })),
});

export type TMedusaProduct = z.infer<typeof ZMedusaProduct>;

// Carts through Tradepost's custom admin routes (stack/medusa/src/api/admin/tradepost).
// Amounts are in whole currency units, as Medusa's API has them.
export const ZMedusaCartLine = z.object({
  id: z.string(),
  variant_id: z.string().nullish(),
  variant_sku: z.string().nullish(),
  product_title: z.string().nullish(),
  product_handle: z.string().nullish(),
  variant_title: z.string().nullish(),
  thumbnail: z.string().nullish(),
  quantity: z.coerce.number(),
  unit_price: z.coerce.number(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export const ZMedusaCart = z.object({
  id: z.string(),
  customer_id: z.string().nullish(),
  currency_code: z.string(),
  completed_at: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  items: z.array(ZMedusaCartLine).nullish(),
});

export const ZMedusaCartResponse = z.object({ cart: ZMedusaCart });
export const ZMedusaCustomer = z.object({
  id: z.string(),
  email: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export const ZMedusaCustomerList = z.object({ customers: z.array(ZMedusaCustomer) });
export const ZMedusaCustomerResponse = z.object({ customer: ZMedusaCustomer });

export type TMedusaCart = z.infer<typeof ZMedusaCart>;
export type TMedusaCartLine = z.infer<typeof ZMedusaCartLine>;
export type TMedusaCustomer = z.infer<typeof ZMedusaCustomer>;
