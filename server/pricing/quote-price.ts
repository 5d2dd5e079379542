import "server-only";
import { AppError } from "@/lib/errors";
import type { TCompiledRuleSet } from "@/lib/pricing/compile";
import { priceLine } from "@/lib/pricing/evaluate";
import { configurationHash, createQuoteToken, verifyQuoteToken, type TQuotePayload } from "@/lib/pricing/quote";
import type { TPriceRequest, TPriceResult } from "@/lib/pricing/types";
import { getEnv } from "@/server/env";
import { getLivePricing } from "@/server/pricing/get-live-pricing";

export type TQuote = { result: Extract<TPriceResult, { ok: true }>; token: string; expiresAt: Date };
export type TQuoteRequest = Omit<TPriceRequest, "at"> & { currency: string };
export type TQuoteCheck = { ok: true; payload: TQuotePayload } | { ok: false; reason: "MALFORMED" | "BAD_SIGNATURE" | "EXPIRED" | "MISMATCH"; message: string };

/**
 * Prices a line with the version live now and signs the promise: configuration hash,
 * organisation, quantity, currency, rule-set version, unit price and expiry. The caller
 * (storefront, checkout) decides who may ask; this trusts its arguments.
 */
export async function quotePrice(request: TQuoteRequest, now: Date = new Date()): Promise<TQuote> {
  return quoteWith(await getLivePricing(request.currency, now), request, now);
}

/** The same with the live rules already loaded (the caller fetched them alongside other data). */
export function quoteWith(compiled: TCompiledRuleSet | null, request: TQuoteRequest, now: Date): TQuote {
  if (!compiled) throw new AppError("NOT_FOUND", `There are no published prices in ${request.currency} yet.`);
  const result = priceLine(compiled, { ...request, at: now });
  if (!result.ok) throw new AppError("INVALID_STATE", result.message);
  const env = getEnv();
  const expiresAt = new Date(now.getTime() + env.PRICING_QUOTE_TTL_MINUTES * 60_000);
  const token = createQuoteToken(
    { sku: request.sku, cfg: configurationHash(request.sku, request.configuration), org: request.organisationId, qty: request.quantity, cur: request.currency, rsv: result.versionId, unit: result.unitPrice, exp: Math.floor(expiresAt.getTime() / 1000) },
    env.PRICING_QUOTE_SECRET,
  );

  return { result, token, expiresAt };
}

const REASONS = {
  MALFORMED: "The price quote is not readable.",
  BAD_SIGNATURE: "The price quote was altered or not issued by us.",
  EXPIRED: "The price quote has expired; the price must be calculated again.",
  MISMATCH: "The price quote was issued for another product, configuration, organisation, quantity or currency.",
} as const;

/** Verifies a token and that it was issued for exactly this line. */
export function checkQuote(token: string, expected: TQuoteRequest, now: Date = new Date()): TQuoteCheck {
  const verified = verifyQuoteToken(token, getEnv().PRICING_QUOTE_SECRET, now);
  if (!verified.ok) return { ok: false, reason: verified.reason, message: REASONS[verified.reason] };
  const { payload } = verified;
  const matches =
    payload.sku === expected.sku &&
    payload.cfg === configurationHash(expected.sku, expected.configuration) &&
    payload.org === expected.organisationId &&
    payload.qty === expected.quantity &&
    payload.cur === expected.currency;

  return matches ? { ok: true, payload } : { ok: false, reason: "MISMATCH", message: REASONS.MISMATCH };
}
