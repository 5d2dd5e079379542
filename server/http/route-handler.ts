import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError } from "zod";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import { correlationIdFrom, logger, runWithCorrelation } from "@/server/logger";

type THandler<C> = (request: NextRequest, context: C) => Promise<Response>;

/**
 * Wraps a route handler: a correlation id for its logs, and one mapping from errors to
 * HTTP (AppError → its status with its message, ZodError → 422 with field errors,
 * anything else → 500 without details).
 */
export function withRoute<C>(name: string, handler: THandler<C>): THandler<C> {
  return (request, context) => {
    const correlationId = correlationIdFrom(request.headers.get("x-request-id"));

    return runWithCorrelation(correlationId, async () => {
      try {
        const response = await handler(request, context);
        response.headers.set("x-request-id", correlationId);

        return response;
      } catch (error) {
        return errorResponse(name, error, correlationId);
      }
    });
  };
}

function errorResponse(name: string, error: unknown, correlationId: string): Response {
  const headers = { "x-request-id": correlationId };
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } },
      { status: error.status, headers },
    );
  }
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: { code: "INVALID_INPUT", message: "The request is not valid.", fieldErrors: toFieldErrors(error) } },
      { status: 422, headers },
    );
  }
  logger.error({ err: error, route: name }, "route failed");

  return NextResponse.json({ error: { code: "INTERNAL", message: GENERIC_ERROR_MESSAGE } }, { status: 500, headers });
}
