import "server-only";
import type { TProductContent } from "@/lib/pim/types";
import { getFromStrapi, type TStrapiSettings } from "@/server/pim/client";
import { toProductContent, ZStrapiList, ZStrapiProductContent } from "@/server/pim/strapi-schemas";

const PATH = "/api/product-contents";

/**
 * The published content of these SKUs in one locale, straight from Strapi (no cache; drafts are
 * never read). Throws UPSTREAM_FAILED when Strapi does not answer properly.
 */
export async function findPublishedProductContents(
  settings: TStrapiSettings,
  { skus, locale }: { skus: readonly string[]; locale: string },
): Promise<TProductContent[]> {
  if (skus.length === 0) return [];
  const query = new URLSearchParams({ locale, status: "published", "pagination[pageSize]": String(skus.length) });
  skus.forEach((sku, index) => query.set(`filters[sku][$in][${index}]`, sku));
  for (const field of ["images", "documents", "specifications"]) query.set(`populate[${field}]`, "true");
  const { data } = await getFromStrapi(settings, PATH, query, ZStrapiList(ZStrapiProductContent));

  return data.map((entry) => toProductContent(entry, settings.publicUrl));
}
