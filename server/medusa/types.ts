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
  variants: z.array(z.object({ id: z.string(), title: z.string().nullish(), sku: z.string().nullish() })).nullish(),
});

export const ZMedusaProductList = z.object({
  products: z.array(ZMedusaProduct),
  count: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
});

export const ZMedusaCategoryList = z.object({ product_categories: z.array(ZCategory) });

export type TMedusaProduct = z.infer<typeof ZMedusaProduct>;
