import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { bodyDedupeKey } from "@/server/integrations/record-inbound-delivery";

// The checks on one Odoo webhook delivery that need no I/O: the URL token, the optional
// signature of a signing proxy, the content type and the envelope Odoo's automation rules send.

const digest = (value: string | Uint8Array) => createHash("sha256").update(value).digest();

/**
 * Whether the token from the URL is one of the configured ones. Compares fixed-length digests in
 * constant time and always looks at every configured token, so neither the time taken nor the
 * token's length tells a caller how close it came.
 */
export function matchesAnyToken(candidate: string, tokens: readonly string[]): boolean {
  const given = digest(candidate);
  let matched = false;
  for (const token of tokens) matched = timingSafeEqual(given, digest(token)) || matched;

  return matched;
}

/** Whether `X-Tradepost-Signature: sha256=<hex>` is the HMAC-SHA256 of the raw body under `secret`. */
export function hasValidSignature(header: string | null, body: Uint8Array, secret: string): boolean {
  const hex = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "")?.[1];
  if (!hex) return false;
  const expected = createHmac("sha256", secret).update(body).digest();

  return timingSafeEqual(Buffer.from(hex, "hex"), expected);
}

export function isJsonContentType(header: string | null): boolean {
  const mediaType = header?.split(";")[0]?.trim().toLowerCase();

  return mediaType === "application/json";
}

const odooId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// Odoo sends `_model`, `_id` and `id` (equal) plus the rule's fields, keys sorted; only the model
// and the id are used (as hints), and `write_date` when the rule includes it, for deduplication.
export const ZOdooWebhookEnvelope = z
  .looseObject({
    _model: z
      .string({ error: (issue) => (issue.input === undefined ? "is required (the Odoo model)" : "must be a string") })
      .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, "must be an Odoo model name such as res.partner")
      .max(64),
    _id: odooId.optional(),
    id: odooId.optional(),
    _action: z.string().max(200).optional(),
    write_date: z.union([z.string().min(1).max(40), z.literal(false)]).optional(),
  })
  .refine((envelope) => envelope._id !== undefined || envelope.id !== undefined, {
    path: ["id"],
    message: "is required: `_id` or `id`, the record's positive integer id",
  })
  .refine((envelope) => envelope._id === undefined || envelope.id === undefined || envelope._id === envelope.id, {
    path: ["id"],
    message: "must equal `_id`",
  });

export type TOdooWebhook = { model: string; id: number; dedupeKey: string };

export type TParsedOdooWebhook = { ok: true; webhook: TOdooWebhook } | { ok: false; message: string };

/**
 * Parses a raw body as an Odoo webhook. The dedupe key is model, id and `write_date` when the rule
 * sends it (the same change delivered twice), else model, id and a hash of the whole body.
 */
export function parseOdooWebhook(text: string): TParsedOdooWebhook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "The body is not valid JSON." };
  }
  const result = ZOdooWebhookEnvelope.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      issue.path.length ? `\`${issue.path.join(".")}\` ${issue.message}` : issue.message,
    );

    return { ok: false, message: `Not an Odoo webhook: ${problems.join("; ")}.` };
  }
  const { _model: model, _id, id, write_date: writeDate } = result.data;
  const recordId = (_id ?? id)!;
  const version = typeof writeDate === "string" ? writeDate : bodyDedupeKey(text);

  return { ok: true, webhook: { model, id: recordId, dedupeKey: `odoo:${model}:${recordId}:${version}` } };
}
