import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { TEnv } from "@/lib/env-schema";
import { getEnv } from "@/server/env";
import { isJsonContentType } from "@/server/integrations/odoo-webhook-request";
import { hitRateLimit } from "@/server/integrations/rate-limit";
import { readLimitedBody } from "@/server/integrations/read-limited-body";
import { recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";
import { logger } from "@/server/logger";
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

export type TStrapiWebhookRefusal = "not-found" | "too-large" | "unsupported-media-type" | "invalid" | "rate-limited";

export type TStrapiWebhookOutcome =
  | { status: "accepted" | "duplicate"; deliveryId: string }
  | { status: "rejected"; refusal: TStrapiWebhookRefusal; message: string; retryAfterSeconds?: number };

const SOURCE = "strapi";
const utf8 = new TextDecoder("utf-8", { fatal: true });
const printable = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replaceAll("\u0000", "\uFFFD");
const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant time on fixed-length digests: neither timing nor length tells a caller how close it came. */
function isSecret(given: string | null, secret: string | undefined): boolean {
  if (!secret) return false;

  return timingSafeEqual(digest(given ?? ""), digest(secret)) && given !== null;
}

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
  const read = await readLimitedBody(request.body, settings.maxBytes, headers.get("content-length"));
  const recorded = read.ok ? printable(read.bytes) : "";
  const reject = async (refusal: TStrapiWebhookRefusal, reason: string) => {
    await recordInboundDelivery({ source: SOURCE, headers, body: recorded, verdict: "rejected", reason });

    return { status: "rejected", refusal, message: reason } as const;
  };

  if (!isSecret(headers.get(STRAPI_WEBHOOK_HEADER), settings.secret)) {
    const reason = settings.secret
      ? `Missing or wrong ${STRAPI_WEBHOOK_HEADER}.`
      : "No STRAPI_WEBHOOK_SECRET configured.";
    const refused = await hitRateLimit(`${SOURCE}:refused`, settings.ratePerSecond);
    if (!refused.allowed) {
      if (refused.count === settings.ratePerSecond + 1)
        logger.warn({ source: SOURCE }, "unauthenticated webhooks beyond the rate limit: not recorded this second");

      return { status: "rejected", refusal: "not-found", message: reason };
    }

    return reject("not-found", reason);
  }
  const limit = await hitRateLimit(SOURCE, settings.ratePerSecond);
  if (!limit.allowed) {
    const outcome = await reject(
      "rate-limited",
      `Rate limit of ${settings.ratePerSecond} deliveries per second exceeded.`,
    );

    return { ...outcome, retryAfterSeconds: limit.retryAfterSeconds };
  }
  if (!read.ok) return reject("too-large", `Body larger than ${settings.maxBytes} bytes.`);
  if (!isJsonContentType(headers.get("content-type")))
    return reject(
      "unsupported-media-type",
      `Content type must be application/json, not ${headers.get("content-type") ?? "none"}.`.slice(0, 200),
    );
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    return reject("invalid", "The body is not UTF-8 text.");
  }
  const parsed = parseStrapiWebhook(text);
  if (!parsed.ok) return reject("invalid", parsed.message);

  const { model, subjectId, sku, dedupeKey, event } = parsed.webhook;
  const delivery = await recordInboundDelivery({
    source: SOURCE,
    headers,
    body: recorded,
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
