import { z } from "zod";

export const CATALOG_PAGE_SIZE = 12;

/** The catalogue's URL query (?q=&category=&collection=&page=), forgiving: bad values fall back to defaults. */
export const ZCatalogQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  collection: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});

export type TCatalogQuery = z.infer<typeof ZCatalogQuery>;
