import "server-only";
import { z } from "zod";
import type { TCatalogProduct } from "@/lib/catalog/types";
import { ZOptionFact } from "@/lib/pricing/catalog";
import { logger } from "@/server/logger";
import type { TMedusaProduct } from "@/server/medusa/types";

type TMedusaVariant = NonNullable<TMedusaProduct["variants"]>[number];

// Medusa returns variants in no particular order: by their rank (set in Medusa's admin),
// then by title with numbers compared as numbers ("800 mm" before "1200 mm").
const byRankThenTitle = (a: TMedusaVariant, b: TMedusaVariant) =>
  (a.variant_rank ?? 0) - (b.variant_rank ?? 0) ||
  (a.title ?? "").localeCompare(b.title ?? "", "en", { numeric: true });
const ZOptions = z.array(ZOptionFact);

/** The one mapping of a Medusa product to ours, for pages, cards and pricing alike. */
export function toCatalogProduct(product: TMedusaProduct): TCatalogProduct {
  const options = ZOptions.safeParse(product.metadata?.configuration_options ?? []);
  if (!options.success) logger.warn({ product: product.handle }, "ignoring malformed configuration_options metadata");

  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    subtitle: product.subtitle || null,
    description: product.description || null,
    thumbnail: product.thumbnail || null,
    isConfigurable: product.metadata?.configurable === true,
    categories: (product.categories ?? []).map(({ id, name, handle }) => ({ id, name, handle })),
    variants: [...(product.variants ?? [])].sort(byRankThenTitle).map((variant) => ({
      id: variant.id,
      title: variant.title ?? "",
      sku: variant.sku ?? null,
      weightKg: variant.weight ? variant.weight / 1000 : null,
    })),
    metadataOptions: options.success ? options.data : [],
  };
}
