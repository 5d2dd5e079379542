import "server-only";
import { z } from "zod";

// The checks on one Strapi webhook delivery that need no I/O: the envelope Strapi's webhook runner
// sends ({ event, createdAt, model, uid, entry }). The entry is a hint: Tradepost re-reads Strapi.

export const STRAPI_WEBHOOK_HEADER = "x-tradepost-webhook-secret";

const ZStrapiWebhook = z.object({
  event: z.string().regex(/^(entry|media|review-workflows)\.[a-z-]+$/, "is not a Strapi webhook event"),
  model: z.string().min(1).max(80),
  entry: z
    .looseObject({
      id: z.union([z.number(), z.string()]).optional(),
      documentId: z.string().max(64).optional(),
      sku: z.string().max(120).nullish(),
      locale: z.string().max(16).nullish(),
      updatedAt: z.string().max(40).nullish(),
      publishedAt: z.string().max(40).nullish(),
    })
    .optional(),
});

export type TStrapiWebhook = {
  event: string;
  model: string;
  /** The product's SKU (product-content entries), else the entry's documentId or id. */
  subjectId: string;
  sku: string | null;
  dedupeKey: string;
};

export function parseStrapiWebhook(
  text: string,
): { ok: true; webhook: TStrapiWebhook } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "The body is not JSON." };
  }
  const parsed = ZStrapiWebhook.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];

    return {
      ok: false,
      message: `Not a Strapi webhook: ${issue?.path.join(".") || "body"} ${issue?.message ?? ""}`.trim(),
    };
  }
  const { event, model, entry } = parsed.data;
  const sku = entry?.sku ?? null;
  const documentId = entry?.documentId ?? String(entry?.id ?? "");
  // One change of one locale of one entry is one delivery, however often Strapi retries it; a
  // publish carries its new publishedAt, so publishing twice is two deliveries.
  const parts = [event, model, documentId, entry?.locale ?? "", entry?.updatedAt ?? "", entry?.publishedAt ?? ""];

  return {
    ok: true,
    webhook: { event, model, subjectId: sku ?? (documentId || "unknown"), sku, dedupeKey: parts.join("|") },
  };
}
