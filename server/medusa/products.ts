import "server-only";
import type { TCatalogCategory, TCatalogCollection, TCatalogProduct } from "@/lib/catalog/types";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaStore } from "@/server/medusa/client";
import { toCatalogProduct } from "@/server/medusa/mappers";
import { ZMedusaCategoryList, ZMedusaCollectionList, ZMedusaProductList } from "@/server/medusa/types";

// Products as the store shows them (Medusa's store API, through the publishable key's sales
// channel): only published products exist here. Pages, cards and pricing all read this one
// view, so nothing can be priced that a buyer could not see.

const PRODUCT_FIELDS = "id,handle,title,subtitle,description,thumbnail,metadata,*categories,*variants";
const ALL_PAGE_SIZE = 100;

export type TStoreProductQuery = {
  q?: string;
  categoryId?: string;
  collectionId?: string;
  limit: number;
  offset: number;
};

/** One page of published products, by title. */
export async function listStoreProducts(
  query: TStoreProductQuery,
): Promise<{ products: TCatalogProduct[]; count: number }> {
  const result = await callMedusa("store.product.list", ZMedusaProductList, () =>
    getMedusaStore().store.product.list({
      q: query.q || undefined,
      category_id: query.categoryId ? [query.categoryId] : undefined,
      collection_id: query.collectionId ? [query.collectionId] : undefined,
      limit: query.limit,
      offset: query.offset,
      fields: PRODUCT_FIELDS,
      order: "title",
    }),
  );

  return { products: result.products.map(toCatalogProduct), count: result.count };
}

/** A published product by handle, or null. */
export async function getStoreProduct(handle: string): Promise<TCatalogProduct | null> {
  const result = await callMedusa("store.product.list(handle)", ZMedusaProductList, () =>
    getMedusaStore().store.product.list({ handle, limit: 1, fields: PRODUCT_FIELDS }),
  );
  const product = result.products[0];

  return product ? toCatalogProduct(product) : null;
}

/** Every published product (paged through), by handle. */
export async function listAllStoreProducts(): Promise<TCatalogProduct[]> {
  const products: TCatalogProduct[] = [];
  for (let offset = 0; ; offset += ALL_PAGE_SIZE) {
    const page = await callMedusa("store.product.list(all)", ZMedusaProductList, () =>
      getMedusaStore().store.product.list({ fields: PRODUCT_FIELDS, limit: ALL_PAGE_SIZE, offset, order: "handle" }),
    );
    products.push(...page.products.map(toCatalogProduct));
    if (offset + ALL_PAGE_SIZE >= page.count || !page.products.length) return products;
  }
}

export async function listStoreCategories(): Promise<TCatalogCategory[]> {
  const result = await callMedusa("store.category.list", ZMedusaCategoryList, () =>
    getMedusaStore().store.category.list({ fields: "id,name,handle", limit: 100 }),
  );

  return result.product_categories.map(({ id, name, handle }) => ({ id, name, handle }));
}

export async function listStoreCollections(): Promise<TCatalogCollection[]> {
  const result = await callMedusa("store.collection.list", ZMedusaCollectionList, () =>
    getMedusaStore().store.collection.list({ fields: "id,title,handle", limit: 100 }),
  );

  return result.collections.map(({ id, title, handle }) => ({ id, title, handle }));
}
