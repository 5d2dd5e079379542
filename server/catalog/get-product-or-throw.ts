import "server-only";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { AppError } from "@/lib/errors";
import { memoByKeyFor } from "@/lib/memo-for";
import { getStoreProduct } from "@/server/medusa/products";

// The same for every buyer (no prices), so kept for a short while in the process.
const CACHE_MS = 30_000;
const MAX_CACHED = 500;

const loadProduct = memoByKeyFor(CACHE_MS, MAX_CACHED, async (handle: string): Promise<TCatalogProduct> => {
  const product = await getStoreProduct(handle);
  if (!product) throw new AppError("NOT_FOUND", "No such product.");

  return product;
});

/** A published product by handle, with its variants and categories; NOT_FOUND otherwise. */
export async function getProductOrThrow(handle: string): Promise<TCatalogProduct> {
  if (!/^[a-z0-9-]{1,120}$/.test(handle)) throw new AppError("NOT_FOUND", "No such product.");

  return loadProduct(handle);
}
