import "server-only";
import { CONTENT_LOCALES, DEFAULT_CONTENT_LOCALE } from "@/lib/pim/types";
import { loadCatalog, skusOf } from "@/server/catalog/load-catalog";
import { strapiSettings } from "@/server/pim/client";
import { findContentSummaries, type TContentSummary } from "@/server/pim/find-content-summaries";

export type TContentIssue = "no-content" | "draft-only" | "missing-locale" | "no-image" | "no-data-sheet";

export type TContentCompletenessRow = {
  handle: string;
  title: string;
  /** The SKU the content is kept under, when there is any. */
  sku: string | null;
  issues: { issue: TContentIssue; detail?: string }[];
  /** Strapi's editor for this product's content (or its "create" page). */
  editUrl: string;
};

export type TContentCompleteness =
  { state: "not-configured" } | { state: "unreachable" } | { state: "ok"; rows: TContentCompletenessRow[] };

const ADMIN_PATH = "/admin/content-manager/collection-types/api::product-content.product-content";

/**
 * How complete each catalogue product's PIM content is: none, draft only, a language missing, no
 * picture, no data sheet. Reads Strapi directly (drafts included), 2 × locales listings; for the
 * data manager's view, not for buyers.
 */
export async function findContentCompleteness(): Promise<TContentCompleteness> {
  const settings = strapiSettings();
  if (!settings) return { state: "not-configured" };
  const reads = CONTENT_LOCALES.flatMap((locale) =>
    (["published", "draft"] as const).map(async (status) => ({
      locale,
      status,
      entries: await findContentSummaries(settings, { locale, status }),
    })),
  );
  let listings: Awaited<(typeof reads)[number]>[];
  let catalog: Awaited<ReturnType<typeof loadCatalog>>;
  try {
    [catalog, ...listings] = await Promise.all([loadCatalog(), ...reads]);
  } catch {
    return { state: "unreachable" };
  }
  const bySku = (locale: string, status: string) =>
    new Map(
      listings
        .filter((listing) => listing.locale === locale && listing.status === status)
        .flatMap((listing) => listing.entries.map((entry): [string, TContentSummary] => [entry.sku, entry])),
    );
  const published = new Map(CONTENT_LOCALES.map((locale) => [locale, bySku(locale, "published")]));
  const drafts = new Map(CONTENT_LOCALES.map((locale) => [locale, bySku(locale, "draft")]));

  const rows = catalog.products.map((product): TContentCompletenessRow => {
    const skus = skusOf(product);
    const sku = skus.find((candidate) =>
      CONTENT_LOCALES.some((locale) => drafts.get(locale)?.has(candidate) || published.get(locale)?.has(candidate)),
    );
    if (!sku) {
      return {
        handle: product.handle,
        title: product.title,
        sku: null,
        issues: [{ issue: "no-content", detail: skus[0] ? `create it under SKU ${skus[0]}` : undefined }],
        editUrl: `${settings.publicUrl}${ADMIN_PATH}/create`,
      };
    }
    const main = published.get(DEFAULT_CONTENT_LOCALE)?.get(sku);
    const any = main ?? drafts.get(DEFAULT_CONTENT_LOCALE)?.get(sku);
    const issues: TContentCompletenessRow["issues"] = [];
    if (!main) issues.push({ issue: "draft-only" });
    for (const locale of CONTENT_LOCALES.filter((code) => code !== DEFAULT_CONTENT_LOCALE)) {
      if (!published.get(locale)?.has(sku)) issues.push({ issue: "missing-locale", detail: locale });
    }
    if (!any?.images) issues.push({ issue: "no-image" });
    if (!any?.documents) issues.push({ issue: "no-data-sheet" });
    const documentId = any?.documentId ?? drafts.get(DEFAULT_CONTENT_LOCALE)?.get(sku)?.documentId;

    return {
      handle: product.handle,
      title: product.title,
      sku,
      issues,
      editUrl: documentId ? `${settings.publicUrl}${ADMIN_PATH}/${documentId}` : `${settings.publicUrl}${ADMIN_PATH}`,
    };
  });

  return {
    state: "ok",
    rows: rows.sort((a, b) => b.issues.length - a.issues.length || a.title.localeCompare(b.title)),
  };
}
