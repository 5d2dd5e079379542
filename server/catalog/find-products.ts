import "server-only";
import { CATALOG_PAGE_SIZE, type TCatalogQuery } from "@/lib/catalog/query";
import type { TCatalogCategory, TCatalogCollection, TCatalogPage } from "@/lib/catalog/types";
import { memoByKeyFor, memoFor } from "@/lib/memo-for";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaStore } from "@/server/medusa/client";
import { toCatalogProduct } from "@/server/medusa/mappers";
import { ZMedusaCategoryList, ZMedusaCollectionList, ZMedusaProductList } from "@/server/medusa/types";

const LIST_FIELDS = "id,handle,title,subtitle,thumbnail,metadata,*categories";
// Categories and collections change when the catalogue is reorganised, not per request.
const TAXONOMY_CACHE_MS = 60_000;
// Catalogue pages carry no prices, so every buyer may share them for a short while.
const PAGE_CACHE_MS = 30_000;
const MAX_CACHED_PAGES = 500;

const EMPTY_PAGE: TCatalogPage = { products: [], total: 0, page: 1, pageCount: 0 };

/**
 * One page of the catalogue from Medusa's store API (the same for every organisation: no
 * prices here, so it is shared, for 30 s). Category and collection come as handles from the
 * URL; an unknown handle matches nothing rather than being ignored.
 */
export const findProducts = memoByKeyFor(PAGE_CACHE_MS, MAX_CACHED_PAGES, async ({ q, category, collection, page }: TCatalogQuery): Promise<TCatalogPage> => {
  const [categories, collections] = await Promise.all([category ? findCategories() : [], collection ? findCollections() : []]);
  const categoryId = category ? categories.find((c) => c.handle === category)?.id : undefined;
  const collectionId = collection ? collections.find((c) => c.handle === collection)?.id : undefined;
  if ((category && !categoryId) || (collection && !collectionId)) return EMPTY_PAGE;

  const result = await callMedusa("store.product.list", ZMedusaProductList, () =>
    getMedusaStore().store.product.list({
      q: q || undefined,
      category_id: categoryId ? [categoryId] : undefined,
      collection_id: collectionId ? [collectionId] : undefined,
      limit: CATALOG_PAGE_SIZE,
      offset: (page - 1) * CATALOG_PAGE_SIZE,
      fields: LIST_FIELDS,
      order: "title",
    }),
  );

  return {
    products: result.products.map(toCatalogProduct),
    total: result.count,
    page,
    pageCount: Math.ceil(result.count / CATALOG_PAGE_SIZE),
  };
}, ({ q, category, collection, page }) => JSON.stringify([q, category, collection, page]));

export const findCategories = memoFor(TAXONOMY_CACHE_MS, async (): Promise<TCatalogCategory[]> => {
  const result = await callMedusa("store.category.list", ZMedusaCategoryList, () =>
    getMedusaStore().store.category.list({ fields: "id,name,handle", limit: 100 }),
  );

  return result.product_categories.map(({ id, name, handle }) => ({ id, name, handle }));
});

export const findCollections = memoFor(TAXONOMY_CACHE_MS, async (): Promise<TCatalogCollection[]> => {
  const result = await callMedusa("store.collection.list", ZMedusaCollectionList, () =>
    getMedusaStore().store.collection.list({ fields: "id,title,handle", limit: 100 }),
  );

  return result.collections.map(({ id, title, handle }) => ({ id, title, handle }));
});
