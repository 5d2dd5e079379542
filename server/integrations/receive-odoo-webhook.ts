import "server-only";
import type { TEnv } from "@/lib/env-schema";
import { getEnv } from "@/server/env";
import { hasValidSignature, matchesAnyToken, parseOdooWebhook } from "@/server/integrations/odoo-webhook-request";
import { recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";
import {
  screenWebhookDelivery,
  type TWebhookRefusal,
  type TWebhookRejection,
} from "@/server/integrations/screen-webhook-delivery";

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

export type TOdooWebhookRefusal = TWebhookRefusal;

export type TOdooWebhookOutcome = { status: "accepted" | "duplicate"; deliveryId: string } | TWebhookRejection;

const SOURCE = "odoo";

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
  const { hmacSecret } = settings;
  const screened = await screenWebhookDelivery(SOURCE, request, settings, {
    authenticated: matchesAnyToken(request.token, settings.tokens),
    unauthenticatedReason: settings.tokens.length ? "Unknown token in the URL." : "No ODOO_WEBHOOK_TOKENS configured.",
    checkBody: (bytes) =>
      hmacSecret && !hasValidSignature(headers.get("x-tradepost-signature"), bytes, hmacSecret)
        ? "Missing or wrong X-Tradepost-Signature."
        : null,
  });
  if (!screened.ok) return screened.rejection;
  const parsed = parseOdooWebhook(screened.text);
  if (!parsed.ok) return screened.reject("invalid", parsed.message);

  const { model, id, dedupeKey } = parsed.webhook;
  const delivery = await recordInboundDelivery({
    source: SOURCE,
    headers,
    body: screened.recorded,
    subject: { type: model, id: String(id) },
    verdict: "accepted",
    dedupeKey,
    dedupeWindowSeconds: settings.dedupeWindowSeconds,
  });

  return { status: delivery.status === "DUPLICATE" ? "duplicate" : "accepted", deliveryId: delivery.id };
}
