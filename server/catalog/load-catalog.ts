import "server-only";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { memoFor } from "@/lib/memo-for";
import { listAllStoreProducts } from "@/server/medusa/products";

// Every published product, for pricing, the back office and quick order: the same for every
// organisation, so one fetch is shared by concurrent callers and kept 30 s (then served while one
// refresh runs). One copy per process, shared by route handlers, pages and actions: the price
// endpoint and checkout must agree on what is still sold.

export type TCatalog = { products: TCatalogProduct[]; byHandle: Map<string, TCatalogProduct> };

const CACHE_MS = 30_000;

/** The catalogue, at most 30 s old. Throws UPSTREAM_FAILED when Medusa cannot be reached. */
export const loadCatalog = memoFor<TCatalog>(
  CACHE_MS,
  async () => {
    const products = await listAllStoreProducts();

    return { products, byHandle: new Map(products.map((product) => [product.handle, product])) };
  },
  { sharedAs: "catalog" },
);

export async function findCatalogProduct(handle: string): Promise<TCatalogProduct | null> {
  return (await loadCatalog()).byHandle.get(handle) ?? null;
}

/** A product's variants that have a SKU (the only ones that can be priced and ordered). */
export function skusOf(product: TCatalogProduct): string[] {
  return product.variants.flatMap((variant) => (variant.sku ? [variant.sku] : []));
}
