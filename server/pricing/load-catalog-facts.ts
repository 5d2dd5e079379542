import "server-only";
import { z } from "zod";
import { ZOptionFact, type TCatalogFacts, type TProductFact } from "@/lib/pricing/catalog";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

// The catalogue as pricing sees it, from Medusa's admin API (every product, published or
// not: prices are prepared before a product goes on sale), plus the organisations.
// Cached briefly: the editor re-checks a draft on every change.

const ZAdminProductPage = z.object({
  products: z.array(
    z.object({
      handle: z.string(),
      title: z.string(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
      categories: z.array(z.object({ handle: z.string() })).nullish(),
      variants: z.array(z.object({ sku: z.string().nullish() })).nullish(),
    }),
  ),
  count: z.number().int().nonnegative(),
});

const PAGE_SIZE = 200;
const CACHE_MS = 30_000;
const ZOptions = z.array(ZOptionFact);

export type TPricingCatalog = { facts: TCatalogFacts; organisations: { id: string; name: string }[]; catalogueAvailable: boolean };

let cached: { at: number; products: TProductFact[] } | undefined;

function toProductFact(product: z.infer<typeof ZAdminProductPage>["products"][number]): TProductFact {
  const options = ZOptions.safeParse(product.metadata?.configuration_options ?? []);
  if (!options.success) logger.warn({ product: product.handle }, "ignoring malformed configuration_options metadata");

  return {
    handle: product.handle,
    title: product.title,
    skus: (product.variants ?? []).flatMap((variant) => (variant.sku ? [variant.sku] : [])),
    categories: (product.categories ?? []).map((category) => category.handle),
    options: options.success ? options.data : [],
  };
}

async function fetchProducts(): Promise<TProductFact[]> {
  const products: TProductFact[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await callMedusa("admin.product.list", ZAdminProductPage, () =>
      getMedusaAdmin().admin.product.list({ fields: "handle,title,metadata,*categories,*variants", limit: PAGE_SIZE, offset, order: "handle" }),
    );
    products.push(...page.products.map(toProductFact));
    if (offset + PAGE_SIZE >= page.count) return products;
  }
}

/**
 * Products and organisations for checking and simulating rules. When Medusa cannot be
 * reached, `catalogueAvailable` is false and `facts.products` is empty: callers must not
 * treat that as "no products" (publishing refuses).
 */
export async function loadPricingCatalog(): Promise<TPricingCatalog> {
  const organisations = await db.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  let catalogueAvailable = true;
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    try {
      cached = { at: Date.now(), products: await fetchProducts() };
    } catch (error) {
      logger.warn({ err: error }, "catalogue unavailable for pricing checks");
      catalogueAvailable = false;
    }
  }

  return { facts: { products: catalogueAvailable ? (cached?.products ?? []) : [], organisationIds: organisations.map((item) => item.id) }, organisations, catalogueAvailable };
}
