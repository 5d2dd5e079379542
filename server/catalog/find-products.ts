import "server-only";
import { CATALOG_PAGE_SIZE, type TCatalogQuery } from "@/lib/catalog/query";
import type { TCatalogCategory, TCatalogCollection, TCatalogPage } from "@/lib/catalog/types";
import { memoByKeyFor, memoFor } from "@/lib/memo-for";
import { listStoreCategories, listStoreCollections, listStoreProducts } from "@/server/medusa/products";

// Categories and collections change when the catalogue is reorganised, not per request.
const TAXONOMY_CACHE_MS = 60_000;
// Catalogue pages carry no prices, so every buyer may share them for a short while.
const PAGE_CACHE_MS = 30_000;
const MAX_CACHED_PAGES = 500;

const EMPTY_PAGE: TCatalogPage = { products: [], total: 0, page: 1, pageCount: 0 };

export const findCategories = memoFor<TCatalogCategory[]>(TAXONOMY_CACHE_MS, listStoreCategories);
export const findCollections = memoFor<TCatalogCollection[]>(TAXONOMY_CACHE_MS, listStoreCollections);

/**
 * One page of the catalogue (the same for every organisation: no prices here, so it is
 * shared, for 30 s). Category and collection come as handles from the URL; an unknown handle
 * matches nothing rather than being ignored.
 */
export const findProducts = memoByKeyFor(
  PAGE_CACHE_MS,
  MAX_CACHED_PAGES,
  async ({ q, category, collection, page }: TCatalogQuery): Promise<TCatalogPage> => {
    const [categories, collections] = await Promise.all([
      category ? findCategories() : [],
      collection ? findCollections() : [],
    ]);
    const categoryId = category ? categories.find((c) => c.handle === category)?.id : undefined;
    const collectionId = collection ? collections.find((c) => c.handle === collection)?.id : undefined;
    if ((category && !categoryId) || (collection && !collectionId)) return EMPTY_PAGE;
    const offset = (page - 1) * CATALOG_PAGE_SIZE;
    const result = await listStoreProducts({ q, categoryId, collectionId, limit: CATALOG_PAGE_SIZE, offset });

    return {
      products: result.products,
      total: result.count,
      page,
      pageCount: Math.ceil(result.count / CATALOG_PAGE_SIZE),
    };
  },
  ({ q, category, collection, page }) => JSON.stringify([q, category, collection, page]),
);
