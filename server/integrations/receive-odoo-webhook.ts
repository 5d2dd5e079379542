import "server-only";
import type { TEnv } from "@/lib/env-schema";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import {
  hasValidSignature,
  isJsonContentType,
  matchesAnyToken,
  parseOdooWebhook,
} from "@/server/integrations/odoo-webhook-request";
import { hitRateLimit } from "@/server/integrations/rate-limit";
import { readLimitedBody } from "@/server/integrations/read-limited-body";
import { recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";

export type TOdooWebhookSettings = {
  tokens: readonly string[];
  hmacSecret: string | undefined;
  maxBytes: number;
  dedupeWindowSeconds: number;
  ratePerSecond: number;
};

export function odooWebhookSettings(env: TEnv = getEnv()): TOdooWebhookSettings {
  return {
    tokens: env.ODOO_WEBHOOK_TOKENS ?? [],
    hmacSecret: env.ODOO_WEBHOOK_HMAC_SECRET,
    maxBytes: env.ODOO_WEBHOOK_MAX_BYTES,
    dedupeWindowSeconds: env.ODOO_WEBHOOK_DEDUPE_SECONDS,
    ratePerSecond: env.ODOO_WEBHOOK_RATE_PER_SECOND,
  };
}

export type TOdooWebhookRequest = { token: string; headers: Headers; body: ReadableStream<Uint8Array> | null };

export type TOdooWebhookRefusal = "not-found" | "too-large" | "unsupported-media-type" | "invalid" | "rate-limited";

export type TOdooWebhookOutcome =
  | { status: "accepted" | "duplicate"; deliveryId: string }
  | { status: "rejected"; refusal: TOdooWebhookRefusal; message: string; retryAfterSeconds?: number };

const SOURCE = "odoo";
const utf8 = new TextDecoder("utf-8", { fatal: true });
// PostgreSQL text cannot hold NUL; a body is kept for operators, so such bytes are shown replaced.
const printable = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replaceAll("\u0000", "\uFFFD");

/**
 * Receives one Odoo webhook delivery: checks the URL token (and the signing proxy's HMAC when one
 * is configured), the per-source rate limit, size, content type and envelope, then records it in
 * the inbox — accepted ones with their processing job, in one transaction — and returns at once.
 * Trusts only the model and id, as hints; never calls Odoo or Medusa. Every delivery is recorded
 * (rejected ones with the reason), except unauthenticated ones beyond the rate limit: a flood of
 * forged requests must not fill the inbox.
 */
export async function receiveOdooWebhook(
  request: TOdooWebhookRequest,
  settings: TOdooWebhookSettings = odooWebhookSettings(),
): Promise<TOdooWebhookOutcome> {
  const { headers } = request;
  const read = await readLimitedBody(request.body, settings.maxBytes, headers.get("content-length"));
  const recorded = read.ok ? printable(read.bytes) : "";
  const reject = async (refusal: TOdooWebhookRefusal, reason: string) => {
    await recordInboundDelivery({ source: SOURCE, headers, body: recorded, verdict: "rejected", reason });

    return { status: "rejected", refusal, message: reason } as const;
  };

  if (!matchesAnyToken(request.token, settings.tokens)) {
    const reason = settings.tokens.length ? "Unknown token in the URL." : "No ODOO_WEBHOOK_TOKENS configured.";
    const refused = await hitRateLimit(`${SOURCE}:refused`, settings.ratePerSecond);
    if (!refused.allowed) {
      if (refused.count === settings.ratePerSecond + 1)
        logger.warn({ source: SOURCE }, "webhooks with unknown tokens beyond the rate limit: not recorded this second");

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
  if (settings.hmacSecret && !hasValidSignature(headers.get("x-tradepost-signature"), read.bytes, settings.hmacSecret))
    return reject("not-found", "Missing or wrong X-Tradepost-Signature.");
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
  const parsed = parseOdooWebhook(text);
  if (!parsed.ok) return reject("invalid", parsed.message);

  const { model, id, dedupeKey } = parsed.webhook;
  const delivery = await recordInboundDelivery({
    source: SOURCE,
    headers,
    body: recorded,
    subject: { type: model, id: String(id) },
    verdict: "accepted",
    dedupeKey,
    dedupeWindowSeconds: settings.dedupeWindowSeconds,
  });

  return { status: delivery.status === "DUPLICATE" ? "duplicate" : "accepted", deliveryId: delivery.id };
}
