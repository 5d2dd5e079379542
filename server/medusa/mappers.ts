import "server-only";
import type { TCatalogProduct } from "@/lib/catalog/types";
import type { TMedusaProduct } from "@/server/medusa/types";

export function toCatalogProduct(product: TMedusaProduct): TCatalogProduct {
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    subtitle: product.subtitle || null,
    description: product.description || null,
    thumbnail: product.thumbnail || null,
    isConfigurable: product.metadata?.configurable === true,
    categories: (product.categories ?? []).map(({ id, name, handle }) => ({ id, name, handle })),
    variants: (product.variants ?? []).map((variant) => ({ id: variant.id, title: variant.title ?? "", sku: variant.sku ?? null })),
  };
}
