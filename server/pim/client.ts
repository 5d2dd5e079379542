import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";

export type TStrapiSettings = { url: string; publicUrl: string; token: string; timeoutMs: number };

/** Strapi's settings, or null when no PIM is configured (the storefront then runs without rich content). */
export function strapiSettings(): TStrapiSettings | null {
  const env = getEnv();
  if (!env.STRAPI_URL || !env.STRAPI_API_TOKEN) return null;

  return {
    url: env.STRAPI_URL,
    publicUrl: env.STRAPI_PUBLIC_URL ?? env.STRAPI_URL,
    token: env.STRAPI_API_TOKEN,
    timeoutMs: env.STRAPI_TIMEOUT_MS,
  };
}

/**
 * GET one REST path of Strapi's content API and parse the answer. No answer within the timeout,
 * an error status or an unexpected shape all become UPSTREAM_FAILED (logged with detail).
 */
export async function getFromStrapi<T extends z.ZodType>(
  settings: TStrapiSettings,
  path: string,
  query: URLSearchParams,
  schema: T,
): Promise<z.infer<T>> {
  const url = `${settings.url}${path}?${query.toString()}`;
  const started = performance.now();
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${settings.token}`, accept: "application/json" },
      signal: AbortSignal.timeout(settings.timeoutMs),
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    body = await response.json();
  } catch (error) {
    logger.warn({ path, err: error, durationMs: Math.round(performance.now() - started) }, "strapi call failed");
    throw new AppError("UPSTREAM_FAILED", "The product information system is not answering.", undefined, {
      cause: error,
    });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    logger.error({ path, issues: parsed.error.issues.slice(0, 5) }, "strapi response had an unexpected shape");
    throw new AppError("UPSTREAM_FAILED", "The product information system sent an unexpected answer.");
  }

  return parsed.data;
}
