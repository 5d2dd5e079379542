import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { AppError, GENERIC_ERROR_MESSAGE, type TActionResult } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import type { TPermission } from "@/server/auth/permissions";
import { requireUser, type TSessionUser } from "@/server/auth/session";
import { correlationIdFrom, logger, runWithCorrelation } from "@/server/logger";

/**
 * The one shape of every server action: authorise (on the server, with `permission`),
 * parse the input with `schema`, run the use case. Expected failures (AppError, bad input)
 * come back as values the UI can show; anything else is logged and shown generically,
 * because Next hides thrown messages in production.
 */
export async function runAction<S extends z.ZodType, T>({
  name,
  permission,
  schema,
  input,
  run,
}: {
  name: string;
  permission: TPermission;
  schema: S;
  input: unknown;
  run: (args: { user: TSessionUser; input: z.infer<S> }) => Promise<T>;
}): Promise<TActionResult<T>> {
  const correlationId = correlationIdFrom((await headers()).get("x-request-id"));

  return runWithCorrelation(correlationId, async () => {
    try {
      const user = await requireUser(permission);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          code: "INVALID_INPUT",
          message: "Please correct the highlighted fields.",
          fieldErrors: toFieldErrors(parsed.error),
        };
      }
      const data = await run({ user, input: parsed.data });
      logger.info({ action: name, userId: user.id }, "action done");

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
