import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { TimeoutError, withinTimeout } from "@/lib/within-timeout";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { recordIntegrationCall } from "@/server/operations/record-integration-call";

// The operations console's hook: latency histograms and the integration-call log (never throws).
const recordMedusaCall = (label: string, started: number, error?: string) =>
  recordIntegrationCall({
    system: "MEDUSA",
    target: label,
    method: "call",
    ok: !error,
    error,
    durationMs: performance.now() - started,
  });

/**
 * Runs one Medusa call and parses its response. Network errors, error statuses, no answer
 * within MEDUSA_TIMEOUT_MS and responses of an unexpected shape all become UPSTREAM_FAILED
 * (logged with detail, shown without it); a 404 becomes NOT_FOUND.
 */
export async function callMedusa<T extends z.ZodType>(
  label: string,
  schema: T,
  call: () => Promise<unknown>,
): Promise<z.infer<T>> {
  const started = performance.now();
  let response: unknown;
  try {
    // The js-sdk's calls take no abort signal: a Medusa that accepts but never answers is cut off here.
    response = await withinTimeout(call(), getEnv().MEDUSA_TIMEOUT_MS);
  } catch (error) {
    const status = (error as { status?: number }).status;
    recordMedusaCall(label, started, error instanceof Error ? error.message : String(error));
    logger.warn(
      { label, status, err: error, durationMs: Math.round(performance.now() - started) },
      "medusa call failed",
    );
    if (status === 404) throw new AppError("NOT_FOUND", "Not found.");
    if (error instanceof TimeoutError)
      throw new AppError(
        "UPSTREAM_FAILED",
        "The commerce backend is too slow to answer right now. Please try again in a moment.",
      );
    throw new AppError(
      "UPSTREAM_FAILED",
      "The commerce backend is not answering right now. Please try again in a moment.",
    );
  }
  const parsed = schema.safeParse(response);
  if (!parsed.success) {
    logger.error({ label, issues: parsed.error.issues.slice(0, 5) }, "medusa response had an unexpected shape");
    throw new AppError("UPSTREAM_FAILED", "The commerce backend sent an unexpected answer.");
  }
  logger.debug({ label, durationMs: Math.round(performance.now() - started) }, "medusa call");
  recordMedusaCall(label, started);

  return parsed.data;
}
