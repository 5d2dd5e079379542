import "server-only";
import { z } from "zod";
import { getFromStrapi, type TStrapiSettings } from "@/server/pim/client";
import { ZStrapiList } from "@/server/pim/strapi-schemas";

const ZSummary = z.object({
  documentId: z.string().min(1),
  sku: z.string().min(1),
  images: z.array(z.object({ id: z.number() })).nullish(),
  documents: z.array(z.object({ id: z.number() })).nullish(),
});
const ZPage = ZStrapiList(ZSummary).extend({
  meta: z.object({ pagination: z.object({ page: z.number(), pageCount: z.number() }) }),
});

export type TContentSummary = { documentId: string; sku: string; images: number; documents: number };

const PAGE_SIZE = 100;
// A catalogue of thousands of products is 10+ pages; past this something is wrong.
const MAX_PAGES = 50;

/** Every entry's SKU, picture and document counts in one locale and status (drafts included when asked). */
export async function findContentSummaries(
  settings: TStrapiSettings,
  { locale, status }: { locale: string; status: "published" | "draft" },
): Promise<TContentSummary[]> {
  const summaries: TContentSummary[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const query = new URLSearchParams({
      locale,
      status,
      "fields[0]": "sku",
      "populate[images][fields][0]": "id",
      "populate[documents][fields][0]": "id",
      "pagination[page]": String(page),
      "pagination[pageSize]": String(PAGE_SIZE),
      "sort[0]": "id:asc",
    });
    const { data, meta } = await getFromStrapi(settings, "/api/product-contents", query, ZPage);
    summaries.push(
      ...data.map((entry) => ({
        documentId: entry.documentId,
        sku: entry.sku,
        images: entry.images?.length ?? 0,
        documents: entry.documents?.length ?? 0,
      })),
    );
    if (page >= meta.pagination.pageCount) break;
  }

  return summaries;
}
