import "server-only";
import { z } from "zod";
import { memoFor } from "@/lib/memo-for";
import { ZOptionFact, type TOptionFact } from "@/lib/pricing/catalog";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";
import { logger } from "@/server/logger";

// Every Medusa product as the back office and the price endpoint need it: ids, SKUs and
// variant ids, categories, whether it is configurable. From the admin API (published or
// not: prices and models are prepared before a product goes on sale), cached briefly in
// the process — it is the same for every organisation.

const ZAdminProductPage = z.object({
  products: z.array(
    z.object({
      id: z.string(),
      handle: z.string(),
      title: z.string(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
      categories: z.array(z.object({ handle: z.string() })).nullish(),
      variants: z.array(z.object({ id: z.string(), title: z.string().nullish(), sku: z.string().nullish() })).nullish(),
    }),
  ),
  count: z.number().int().nonnegative(),
});

export type TCatalogEntry = {
  medusaId: string;
  handle: string;
  title: string;
  configurable: boolean;
  categories: string[];
  variants: { id: string; sku: string; title: string }[];
  /** Options declared in the Medusa product's metadata (used until a configurator model is published). */
  metadataOptions: TOptionFact[];
};

const PAGE_SIZE = 200;
const CACHE_MS = 30_000;
const ZOptions = z.array(ZOptionFact);

function toEntry(product: z.infer<typeof ZAdminProductPage>["products"][number]): TCatalogEntry {
  const options = ZOptions.safeParse(product.metadata?.configuration_options ?? []);
  if (!options.success) logger.warn({ product: product.handle }, "ignoring malformed configuration_options metadata");

  return {
    medusaId: product.id,
    handle: product.handle,
    title: product.title,
    configurable: product.metadata?.configurable === true,
    categories: (product.categories ?? []).map((category) => category.handle),
    variants: (product.variants ?? []).flatMap((variant) => (variant.sku ? [{ id: variant.id, sku: variant.sku, title: variant.title ?? variant.sku }] : [])),
    metadataOptions: options.success ? options.data : [],
  };
}

async function fetchCatalog(): Promise<TCatalogEntry[]> {
  const entries: TCatalogEntry[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await callMedusa("admin.product.list", ZAdminProductPage, () =>
      getMedusaAdmin().admin.product.list({ fields: "id,handle,title,metadata,*categories,*variants", limit: PAGE_SIZE, offset, order: "handle" }),
    );
    entries.push(...page.products.map(toEntry));
    if (offset + PAGE_SIZE >= page.count) return entries;
  }
}

/** The catalogue, at most 30 s old (one fetch shared by concurrent callers). Throws UPSTREAM_FAILED when Medusa cannot be reached. */
export const loadCatalog = memoFor(CACHE_MS, fetchCatalog);

export async function findCatalogEntry(handle: string): Promise<TCatalogEntry | null> {
  return (await loadCatalog()).find((entry) => entry.handle === handle) ?? null;
}
