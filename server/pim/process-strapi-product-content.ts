import "server-only";
import { AppError } from "@/lib/errors";
import type { TInboundDeliveryRecord } from "@/server/integrations/inbound-processors";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import { strapiSettings } from "@/server/pim/client";
import { findPublishedProductContents } from "@/server/pim/find-published-product-contents";
import { findPublishedVersions } from "@/server/pim/find-published-versions";
import { writeContentVersions } from "@/server/pim/write-content-versions";

/**
 * Processes one Strapi product-content delivery: re-reads what Strapi now publishes for the SKU
 * (the payload is only a hint) so that content the storefront cannot read — a wrong shape, Strapi
 * unreachable — shows in the inbox and the sync log, and is retried; and records the SKU's
 * published version, so that every app instance expires its cached copy (the receiver expired
 * only its own). Idempotent: the same version written twice changes nothing.
 */
export async function processStrapiProductContent(delivery: TInboundDeliveryRecord): Promise<TSyncResult> {
  const settings = strapiSettings();
  if (!settings)
    throw new AppError("INVALID_STATE", "No PIM configured (STRAPI_URL, STRAPI_API_TOKEN).", undefined, {
      retryable: false,
    });
  const sku = delivery.subjectId;
  const hint = hintOf(delivery.body);
  // Without a SKU in the entry the subject is Strapi's documentId: nothing to look up by.
  if (!sku || hint.sku !== sku) return { outcome: "SKIPPED", summary: "The delivery names no SKU." };
  const { locale } = hint;
  const [[content], { versions }] = await Promise.all([
    findPublishedProductContents(settings, { skus: [sku], locale }),
    findPublishedVersions(settings, { locale, skus: [sku] }),
  ]);
  await writeContentVersions([{ sku, locale, version: versions[0]?.version ?? null }]);
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

function hintOf(body: string): { locale: string; sku: string | null } {
  try {
    const entry = (JSON.parse(body) as { entry?: { locale?: unknown; sku?: unknown } }).entry;
    const locale = entry?.locale;

    return {
      locale: typeof locale === "string" && /^[a-z]{2}(-[A-Za-z]{2})?$/.test(locale) ? locale : "en",
      sku: typeof entry?.sku === "string" ? entry.sku : null,
    };
  } catch {
    return { locale: "en", sku: null };
  }
}
