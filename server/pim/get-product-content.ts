import "server-only";
import { DEFAULT_CONTENT_LOCALE, type TProductContent } from "@/lib/pim/types";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { strapiSettings, type TStrapiSettings } from "@/server/pim/client";
import { expireChangedContent } from "@/server/pim/expire-changed-content";
import { contentCacheKey, currentGeneration, readCachedContent, writeCachedContent } from "@/server/pim/content-cache";
import { findPublishedProductContents } from "@/server/pim/find-published-product-contents";

// After a failed read, the next try waits this long (a down PIM must not cost every page its timeout).
const RETRY_AFTER_FAILURE_MS = 15_000;
const inFlight = new Map<string, Promise<TProductContent | null>>();

/**
 * The published content for a product: the first of its SKUs (in the order given) that has
 * content, in `locale`, else in English. Cached per SKUs and locale (STRAPI_CACHE_SECONDS, bounded),
 * expired by the Strapi webhook in the instance it reaches and, in every instance, by changed
 * content versions (expire-changed-content.ts). Never throws: without a PIM, or with Strapi down,
 * it is null (or the last content read, when there is one) and the page renders without rich content.
 */
export async function getProductContent(
  { skus, locale }: { skus: readonly string[]; locale: string },
  settings: TStrapiSettings | null = strapiSettings(),
): Promise<TProductContent | null> {
  if (!settings || skus.length === 0) return null;
  await expireChangedContent();
  const key = contentCacheKey(skus, locale);
  const cached = readCachedContent(key);
  const age = cached ? Date.now() - cached.at : Infinity;
  if (cached && age < (cached.failed ? RETRY_AFTER_FAILURE_MS : getEnv().STRAPI_CACHE_SECONDS * 1000)) {
    return cached.value;
  }
  const pending = inFlight.get(key);
  if (pending) return pending;
  const generation = currentGeneration();
  const load = readWithFallback(settings, skus, locale).then(
    (value) => {
      writeCachedContent(key, { at: Date.now(), value, failed: false, skus }, generation);

      return value;
    },
    (error: unknown) => {
      logger.warn({ skus, locale, err: error }, "product content unavailable: the page shows it without");
      // The last good content stays on the page while Strapi is away.
      const value = cached?.value ?? null;
      writeCachedContent(key, { at: Date.now(), value, failed: true, skus }, generation);

      return value;
    },
  );
  inFlight.set(key, load);
  try {
    return await load;
  } finally {
    inFlight.delete(key);
  }
}

async function readWithFallback(
  settings: TStrapiSettings,
  skus: readonly string[],
  locale: string,
): Promise<TProductContent | null> {
  const first = (contents: TProductContent[]) =>
    skus.map((sku) => contents.find((content) => content.sku === sku)).find(Boolean) ?? null;
  const found = first(await findPublishedProductContents(settings, { skus, locale }));
  if (found || locale === DEFAULT_CONTENT_LOCALE) return found;

  return first(await findPublishedProductContents(settings, { skus, locale: DEFAULT_CONTENT_LOCALE }));
}
