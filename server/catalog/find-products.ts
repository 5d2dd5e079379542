import "server-only";
import { CATALOG_PAGE_SIZE, type TCatalogQuery } from "@/lib/catalog/query";
import type { TCatalogCategory, TCatalogPage } from "@/lib/catalog/types";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaStore } from "@/server/medusa/client";
import { toCatalogProduct } from "@/server/medusa/mappers";
import { ZMedusaCategoryList, ZMedusaProductList } from "@/server/medusa/types";

const LIST_FIELDS = "id,handle,title,subtitle,thumbnail,metadata,*categories";

/**
 * One page of the catalogue from Medusa's store API (the same for every organisation: no
 * prices here, so it may be shared).
 */
export async function findProducts(query: TCatalogQuery): Promise<TCatalogPage> {
  const categoryId = query.category ? (await findCategories()).find((c) => c.handle === query.category)?.id : undefined;
  if (query.category && !categoryId) return { products: [], total: 0, page: 1, pageCount: 0 };

  const result = await callMedusa("store.product.list", ZMedusaProductList, () =>
    getMedusaStore().store.product.list({
      q: query.q || undefined,
      category_id: categoryId ? [categoryId] : undefined,
      limit: CATALOG_PAGE_SIZE,
      offset: (query.page - 1) * CATALOG_PAGE_SIZE,
      fields: LIST_FIELDS,
      order: "title",
    }),
  );

  return {
    products: result.products.map(toCatalogProduct),
    total: result.count,
    page: query.page,
    pageCount: Math.ceil(result.count / CATALOG_PAGE_SIZE),
  };
}

export async function findCategories(): Promise<TCatalogCategory[]> {
  const result = await callMedusa("store.category.list", ZMedusaCategoryList, () =>
    getMedusaStore().store.category.list({ fields: "id,name,handle", limit: 100 }),
  );

  return result.product_categories.map(({ id, name, handle }) => ({ id, name, handle }));
}
