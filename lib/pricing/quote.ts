import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { TConfiguration } from "@/lib/pricing/types";

// A signed, expiring price quote: what the server promised for one configuration, for one
// organisation, at one quantity, in one currency, under one rule-set version. The browser
// may carry it but cannot change it; checkout re-prices and compares.

export const ZQuotePayload = z
  .object({
    v: z.literal(1),
    sku: z.string(),
    cfg: z.string().regex(/^[0-9a-f]{64}$/),
    org: z.string(),
    qty: z.number().int().positive(),
    cur: z.string().length(3),
    rsv: z.string(),
    unit: z.number().int().nonnegative(),
    exp: z.number().int().positive(),
  })
  .strict();

export type TQuotePayload = z.infer<typeof ZQuotePayload>;
export type TQuoteCheck =
  { ok: true; payload: TQuotePayload } | { ok: false; reason: "MALFORMED" | "BAD_SIGNATURE" | "EXPIRED" };

/** JSON with sorted keys (and sorted multi-select values): equal configurations, equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${[...value].map(canonical).sort().join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }

  return JSON.stringify(value);
}

export function configurationHash(sku: string, configuration: TConfiguration): string {
  return createHash("sha256")
    .update(`${sku}\n${canonical(configuration)}`)
    .digest("hex");
}

const sign = (body: string, secret: string) => createHmac("sha256", secret).update(body).digest("base64url");

export function createQuoteToken(payload: Omit<TQuotePayload, "v">, secret: string): string {
  const body = Buffer.from(canonical({ v: 1, ...payload })).toString("base64url");

  return `${body}.${sign(body, secret)}`;
}

/** Checks signature and expiry; the caller then compares the payload with what it expects. */
export function verifyQuoteToken(token: string, secret: string, now: Date): TQuoteCheck {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || token.length > 4_000) return { ok: false, reason: "MALFORMED" };
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "BAD_SIGNATURE" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "MALFORMED" };
  }
  const payload = ZQuotePayload.safeParse(decoded);
  if (!payload.success) return { ok: false, reason: "MALFORMED" };
  if (payload.data.exp * 1000 <= now.getTime()) return { ok: false, reason: "EXPIRED" };

  return { ok: true, payload: payload.data };
}
