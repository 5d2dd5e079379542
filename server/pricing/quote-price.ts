import "server-only";
import { AppError } from "@/lib/errors";
import type { TCompiledRuleSet } from "@/lib/pricing/compile";
import { priceLine } from "@/lib/pricing/evaluate";
import { configurationHash, createQuoteToken, verifyQuoteToken, type TQuotePayload } from "@/lib/pricing/quote";
import type { TPriceRequest, TPriceResult } from "@/lib/pricing/types";
import { getEnv } from "@/server/env";
import { getLivePricing } from "@/server/pricing/get-live-pricing";

export type TPricedResult = Extract<TPriceResult, { ok: true }>;
export type TQuote = { result: TPricedResult; token: string; expiresAt: Date };
export type TQuoteRequest = Omit<TPriceRequest, "at"> & { currency: string };
export type TQuoteCheck =
  | { ok: true; payload: TQuotePayload }
  | { ok: false; reason: "MALFORMED" | "BAD_SIGNATURE" | "EXPIRED" | "MISMATCH"; message: string };
export type TQuoteSubject = {
  sku: string;
  configurationHash: string;
  organisationId: string;
  quantity: number;
  currency: string;
};

/** Signs a priced line: configuration hash, organisation, quantity, currency, rule-set version, unit price and expiry. */
export function signQuote(subject: TQuoteSubject, result: TPricedResult, now: Date): TQuote {
  const env = getEnv();
  const expiresAt = new Date(now.getTime() + env.PRICING_QUOTE_TTL_MINUTES * 60_000);
  const token = createQuoteToken(
    {
      sku: subject.sku,
      cfg: subject.configurationHash,
      org: subject.organisationId,
      qty: subject.quantity,
      cur: subject.currency,
      rsv: result.versionId,
      unit: result.unitPrice,
      exp: Math.floor(expiresAt.getTime() / 1000),
    },
    env.PRICING_QUOTE_SECRET,
  );

  return { result, token, expiresAt };
}

/** Prices a line with the version live now and signs it (for callers that have no catalogue at hand: tests, tools). */
export async function quotePrice(request: TQuoteRequest, now: Date = new Date()): Promise<TQuote> {
  return quoteWith(await getLivePricing(request.currency, now), request, now);
}

export function quoteWith(compiled: TCompiledRuleSet | null, request: TQuoteRequest, now: Date): TQuote {
  if (!compiled) throw new AppError("NOT_FOUND", `There are no published prices in ${request.currency} yet.`);
  const result = priceLine(compiled, { ...request, at: now });
  if (!result.ok) throw new AppError("INVALID_STATE", result.message);

  return signQuote(
    { ...request, configurationHash: configurationHash(request.sku, request.configuration) },
    result,
    now,
  );
}

const REASONS = {
  MALFORMED: "The price quote is not readable.",
  BAD_SIGNATURE: "The price quote was altered or not issued by us.",
  EXPIRED: "The price quote has expired; the price must be calculated again.",
  MISMATCH: "The price quote was issued for another product, configuration, organisation, quantity or currency.",
} as const;

/** Verifies a token and that it was issued for exactly this line. */
export function checkQuote(
  token: string,
  expected: TQuoteSubject | TQuoteRequest,
  now: Date = new Date(),
): TQuoteCheck {
  const hash =
    "configurationHash" in expected
      ? expected.configurationHash
      : configurationHash(expected.sku, expected.configuration);
  const verified = verifyQuoteToken(token, getEnv().PRICING_QUOTE_SECRET, now);
  if (!verified.ok) return { ok: false, reason: verified.reason, message: REASONS[verified.reason] };
  const { payload } = verified;
  const matches =
    payload.sku === expected.sku &&
    payload.cfg === hash &&
    payload.org === expected.organisationId &&
    payload.qty === expected.quantity &&
    payload.cur === expected.currency;

  return matches ? { ok: true, payload } : { ok: false, reason: "MISMATCH", message: REASONS.MISMATCH };
}
