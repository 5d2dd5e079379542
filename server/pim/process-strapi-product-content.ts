import "server-only";
import { AppError } from "@/lib/errors";
import type { TInboundDeliveryRecord } from "@/server/integrations/inbound-processors";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { strapiSettings } from "@/server/pim/client";
import { findPublishedProductContents } from "@/server/pim/find-published-product-contents";

/**
 * Processes one Strapi product-content delivery: re-reads what Strapi now publishes for the SKU
 * (the payload is only a hint) so that content the storefront cannot read — a wrong shape, Strapi
 * unreachable — shows in the inbox and the sync log, and is retried. The app's cache was already
 * expired by the receiver; this changes nothing in Tradepost's database. Idempotent.
 */
export async function processStrapiProductContent(delivery: TInboundDeliveryRecord): Promise<TSyncResult> {
  const settings = strapiSettings();
  if (!settings)
    throw new AppError("INVALID_STATE", "No PIM configured (STRAPI_URL, STRAPI_API_TOKEN).", undefined, {
      retryable: false,
    });
  const sku = delivery.subjectId;
  if (!sku) return { outcome: "SKIPPED", summary: "The delivery names no SKU." };
  const locale = localeOf(delivery.body);
  const [content] = await findPublishedProductContents(settings, { skus: [sku], locale });
  if (!content) {
    return { outcome: "CHANGED", summary: `${sku} (${locale}): no published content now`, externalId: sku };
  }

  return {
    outcome: "CHANGED",
    summary: `${sku} (${locale}): published "${content.title}", ${content.images.length} images, ${content.documents.length} documents`,
    externalId: content.documentId,
    detail: { updatedAt: content.updatedAt },
  };
}

function localeOf(body: string): string {
  try {
    const locale = (JSON.parse(body) as { entry?: { locale?: unknown } }).entry?.locale;

    return typeof locale === "string" && /^[a-z]{2}(-[A-Za-z]{2})?$/.test(locale) ? locale : "en";
  } catch {
    return "en";
  }
}
