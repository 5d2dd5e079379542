import "server-only";
import type { TEnv } from "@/lib/env-schema";
import { getEnv } from "@/server/env";
import { matchesAnyToken } from "@/server/integrations/odoo-webhook-request";
import { recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";
import {
  screenWebhookDelivery,
  type TWebhookRefusal,
  type TWebhookRejection,
} from "@/server/integrations/screen-webhook-delivery";
import { expireProductContent } from "@/server/pim/content-cache";
import { parseStrapiWebhook, STRAPI_WEBHOOK_HEADER } from "@/server/pim/strapi-webhook-request";

export type TStrapiWebhookSettings = {
  secret: string | undefined;
  maxBytes: number;
  dedupeWindowSeconds: number;
  ratePerSecond: number;
};

export function strapiWebhookSettings(env: TEnv = getEnv()): TStrapiWebhookSettings {
  return {
    secret: env.STRAPI_WEBHOOK_SECRET,
    maxBytes: env.STRAPI_WEBHOOK_MAX_BYTES,
    dedupeWindowSeconds: env.STRAPI_WEBHOOK_DEDUPE_SECONDS,
    ratePerSecond: env.STRAPI_WEBHOOK_RATE_PER_SECOND,
  };
}

export type TStrapiWebhookRefusal = TWebhookRefusal;

export type TStrapiWebhookOutcome = { status: "accepted" | "duplicate"; deliveryId: string } | TWebhookRejection;

const SOURCE = "strapi";

/**
 * Receives one Strapi webhook delivery: checks the shared secret header, the rate limit, size,
 * content type and envelope, records it in the inbox (accepted ones with their processing job)
 * and expires this process's cached content of the SKU, so the next page shows what Strapi now
 * publishes. Trusts the payload only as a hint of what changed. Unauthenticated deliveries beyond
 * the rate limit are not recorded (a flood must not fill the inbox).
 */
export async function receiveStrapiWebhook(
  request: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  settings: TStrapiWebhookSettings = strapiWebhookSettings(),
): Promise<TStrapiWebhookOutcome> {
  const { headers } = request;
  const secret = headers.get(STRAPI_WEBHOOK_HEADER) ?? "";
  const screened = await screenWebhookDelivery(SOURCE, request, settings, {
    // The same constant-time comparison as Odoo's URL tokens: one secret, in a header.
    authenticated: matchesAnyToken(secret, settings.secret ? [settings.secret] : []),
    unauthenticatedReason: settings.secret
      ? `Missing or wrong ${STRAPI_WEBHOOK_HEADER}.`
      : "No STRAPI_WEBHOOK_SECRET configured.",
  });
  if (!screened.ok) return screened.rejection;
  const parsed = parseStrapiWebhook(screened.text);
  if (!parsed.ok) return screened.reject("invalid", parsed.message);

  const { model, subjectId, sku, dedupeKey, event } = parsed.webhook;
  const delivery = await recordInboundDelivery({
    source: SOURCE,
    headers,
    body: screened.recorded,
    subject: { type: model, id: subjectId },
    verdict: "accepted",
    dedupeKey,
    dedupeWindowSeconds: settings.dedupeWindowSeconds,
    note: `${event}${sku ? ` of ${sku}` : ""}`,
  });
  // After the record: a delivery lost to a failed insert is retried by Strapi and expires then.
  if (model === "product-content") expireProductContent(sku ?? undefined);

  return { status: delivery.status === "DUPLICATE" ? "duplicate" : "accepted", deliveryId: delivery.id };
}
