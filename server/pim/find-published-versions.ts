import "server-only";
import { z } from "zod";
import { getFromStrapi, type TStrapiSettings } from "@/server/pim/client";
import { ZStrapiList } from "@/server/pim/strapi-schemas";

const ZVersion = z.object({
  documentId: z.string().min(1),
  sku: z.string().min(1).max(120),
  updatedAt: z.string(),
  publishedAt: z.string(),
});
const ZPage = ZStrapiList(ZVersion).extend({
  meta: z.object({ pagination: z.object({ page: z.number(), pageCount: z.number(), total: z.number() }) }),
});

const ZCount = z.object({ meta: z.object({ pagination: z.object({ total: z.number() }) }) });

/** One published entry as a version stamp: it changes whenever what the storefront reads may have. */
export type TPublishedVersion = { sku: string; locale: string; version: string; changedAt: string };

const PAGE_SIZE = 100;
// A catalogue of thousands of products is 10+ pages per locale; past this something is wrong.
const MAX_PAGES = 100;

/**
 * The published entries of one locale as version stamps (no content): all of them, those changed
 * after `changedAfter`, or those of `skus`. A publish copies the draft's `updatedAt` (Strapi 5 keeps
 * it when it re-creates the published row), so "changed" is `updatedAt` or `publishedAt` after the
 * instant. `total` is Strapi's count of what matched. Throws UPSTREAM_FAILED when Strapi does not answer.
 */
export async function findPublishedVersions(
  settings: TStrapiSettings,
  { locale, changedAfter, skus }: { locale: string; changedAfter?: Date; skus?: readonly string[] },
): Promise<{ versions: TPublishedVersion[]; total: number }> {
  if (skus?.length === 0) return { versions: [], total: 0 };
  const versions: TPublishedVersion[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const query = new URLSearchParams({
      locale,
      status: "published",
      "fields[0]": "sku",
      "fields[1]": "updatedAt",
      "fields[2]": "publishedAt",
      "pagination[page]": String(page),
      "pagination[pageSize]": String(PAGE_SIZE),
      "sort[0]": "id:asc",
    });
    if (changedAfter) {
      query.set("filters[$or][0][updatedAt][$gt]", changedAfter.toISOString());
      query.set("filters[$or][1][publishedAt][$gt]", changedAfter.toISOString());
    }
    skus?.forEach((sku, index) => query.set(`filters[sku][$in][${index}]`, sku));
    const { data, meta } = await getFromStrapi(settings, "/api/product-contents", query, ZPage);
    total = meta.pagination.total;
    versions.push(...data.map((entry) => toVersion(entry, locale)));
    if (page >= meta.pagination.pageCount) break;
  }

  return { versions, total };
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

function toVersion(entry: z.infer<typeof ZVersion>, locale: string): TPublishedVersion {
  return {
    sku: entry.sku,
    locale,
    version: `${entry.documentId}|${entry.updatedAt}|${entry.publishedAt}`,
    changedAt: later(entry.updatedAt, entry.publishedAt),
  };
}

/** How many entries of one locale Strapi publishes (one request, one row read). */
export async function countPublished(settings: TStrapiSettings, locale: string): Promise<number> {
  const query = new URLSearchParams({
    locale,
    status: "published",
    "fields[0]": "sku",
    "pagination[page]": "1",
    "pagination[pageSize]": "1",
  });
  const { meta } = await getFromStrapi(settings, "/api/product-contents", query, ZCount);

  return meta.pagination.total;
}
