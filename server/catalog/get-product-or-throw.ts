import "server-only";
import { AppError } from "@/lib/errors";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { memoByKeyFor } from "@/lib/memo-for";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaStore } from "@/server/medusa/client";
import { toCatalogProduct } from "@/server/medusa/mappers";
import { ZMedusaProductList } from "@/server/medusa/types";

// The same for every buyer (no prices), so kept for a short while in the process.
const CACHE_MS = 30_000;
const MAX_CACHED = 500;

const loadProduct = memoByKeyFor(CACHE_MS, MAX_CACHED, async (handle: string): Promise<TCatalogProduct> => {
  const result = await callMedusa("store.product.list(handle)", ZMedusaProductList, () =>
    getMedusaStore().store.product.list({ handle, limit: 1, fields: "id,handle,title,subtitle,description,thumbnail,metadata,*categories,*variants" }),
  );
  const product = result.products[0];
  if (!product) throw new AppError("NOT_FOUND", "No such product.");

  return toCatalogProduct(product);
});

/** A published product by handle, with its variants and categories; NOT_FOUND otherwise. */
export async function getProductOrThrow(handle: string): Promise<TCatalogProduct> {
  if (!/^[a-z0-9-]{1,120}$/.test(handle)) throw new AppError("NOT_FOUND", "No such product.");

  return loadProduct(handle);
}
