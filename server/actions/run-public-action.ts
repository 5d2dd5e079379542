import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { clientIpFromForwardedFor } from "@/lib/client-ip";
import { AppError, GENERIC_ERROR_MESSAGE, type TActionResult } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import { getEnv } from "@/server/env";
import { correlationIdFrom, logger, runWithCorrelation } from "@/server/logger";

/**
 * runAction's shape for the few actions a visitor without a session may call (accepting an
 * invitation, password reset): parse, run, expected failures as values. What authorises them is
 * the signed token in the input, checked by the use case; `ip` is for rate limits.
 */
export async function runPublicAction<S extends z.ZodType, T>({
  name,
  schema,
  input,
  run,
}: {
  name: string;
  schema: S;
  input: unknown;
  run: (args: { input: z.infer<S>; ip: string }) => Promise<T>;
}): Promise<TActionResult<T>> {
  const requestHeaders = await headers();
  const correlationId = correlationIdFrom(requestHeaders.get("x-request-id"));
  const ip = clientIpFromForwardedFor(requestHeaders.get("x-forwarded-for") ?? undefined, getEnv().TRUSTED_PROXY_HOPS);

  return runWithCorrelation(correlationId, async () => {
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          code: "INVALID_INPUT",
          message: "Please correct the highlighted fields.",
          fieldErrors: toFieldErrors(parsed.error),
        };
      }
      const data = await run({ input: parsed.data, ip });
      logger.info({ action: name }, "action done");

      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        logger.info({ action: name, code: error.code }, "action refused");

        return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
      }
      logger.error({ action: name, err: error }, "action failed");

      return { ok: false, code: "INTERNAL", message: GENERIC_ERROR_MESSAGE };
    }
  });
}
