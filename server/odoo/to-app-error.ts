import "server-only";
import type { z } from "zod";
import { AppError, type TAppErrorCode } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import { OdooError } from "@/server/odoo/errors";

// The one place where Odoo's failures become the app's error vocabulary. The OdooError is
// kept as `cause` for logs; the message is ours (or Odoo's business message, scrubbed), so
// it can be shown: Odoo's own texts can name hosts and ports (psycopg2.OperationalError).
// `retryable` is what jobs use to choose between a retry and the dead-letter queue.

type TMapped = { code: TAppErrorCode; message: string; retryable: boolean };

const NOT_REACHABLE = "Odoo is not answering right now; the operation will be retried.";
const BUSY = "Odoo was busy with a conflicting change; the operation will be retried.";
const ACCESS = "Odoo refused Tradepost's access: the integration user's API key or rights need checking.";
const SETUP = "Odoo cannot run this request: a module, model or field Tradepost needs is missing or the setup differs.";
const UNREADABLE = "Odoo sent an answer Tradepost cannot read.";
const CONFIGURATION = "Tradepost's Odoo settings are incomplete (ODOO_URL, ODOO_DB, ODOO_API_KEY or login).";

const ACCESS_EXCEPTIONS = new Set(["AccessError", "AccessDenied", "Unauthorized", "Forbidden"]);
// Our request does not fit this Odoo (unknown model, method, field or keyword): a bug or a
// missing module, never fixed by retrying.
const SETUP_EXCEPTIONS = new Set([
  "NotFound",
  "UnprocessableEntity",
  "ValueError",
  "TypeError",
  "KeyError",
  "AttributeError",
  "BadRequest",
]);

/** Odoo's own message, safe to show: no URLs, addresses or ports, at most 400 characters. */
export function scrubOdooMessage(message: string): string {
  const text = message
    .replace(/\bhttps?:\/\/\S+/gi, "[url]")
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, "[host]")
    .replace(/\bport \d+/gi, "port [n]")
    .trim();

  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function mapOdooException(error: OdooError): TMapped {
  const name = error.exceptionName;
  if (error.retryable) return { code: "UPSTREAM_FAILED", message: BUSY, retryable: true };
  if (name === "Configuration") return { code: "UPSTREAM_FAILED", message: CONFIGURATION, retryable: false };
  if (name === "MissingError")
    return {
      code: "NOT_FOUND",
      message: `Odoo has no such record: ${scrubOdooMessage(error.message)}`,
      retryable: false,
    };
  // Odoo's constraints refuse the values we wrote (a required field, a wrong value).
  if (name === "ValidationError")
    return {
      code: "INVALID_INPUT",
      message: `Odoo refused the values: ${scrubOdooMessage(error.message)}`,
      retryable: false,
    };
  // Over JSON-RPC an unknown model is a UserError ("Object sale.ordr doesn't exist").
  if (name === "UserError" && /^Object \S+ doesn't exist/.test(error.message))
    return { code: "UPSTREAM_FAILED", message: SETUP, retryable: false };
  // Business rules refusing the action in the record's current state (delete a confirmed order …).
  if (name === "UserError")
    return {
      code: "INVALID_STATE",
      message: `Odoo refused the action: ${scrubOdooMessage(error.message)}`,
      retryable: false,
    };
  if (ACCESS_EXCEPTIONS.has(name)) return { code: "UPSTREAM_FAILED", message: ACCESS, retryable: false };
  if (SETUP_EXCEPTIONS.has(name) || name === "OperationalError")
    return { code: "UPSTREAM_FAILED", message: SETUP, retryable: false };

  return { code: "UPSTREAM_FAILED", message: `Odoo failed (${name}).`, retryable: false };
}

function mapOdooError(error: OdooError): TMapped {
  switch (error.kind) {
    case "timeout":
    case "network":
      return { code: "UPSTREAM_FAILED", message: NOT_REACHABLE, retryable: true };
    case "http":
      if (error.status === 401 || error.status === 403)
        return { code: "UPSTREAM_FAILED", message: ACCESS, retryable: false };
      if (error.retryable) return { code: "UPSTREAM_FAILED", message: NOT_REACHABLE, retryable: true };
      // An HTML 404 is an unknown database (X-Odoo-Database); 415 a wrong content type.
      return { code: "UPSTREAM_FAILED", message: SETUP, retryable: false };
    case "invalid_response":
      return { code: "UPSTREAM_FAILED", message: UNREADABLE, retryable: error.retryable };
    case "odoo":
      return mapOdooException(error);
  }
}

/** The AppError for an OdooError: its code, a message safe to show, and whether to retry. */
export function toAppError(error: OdooError): AppError {
  const { code, message, retryable } = mapOdooError(error);

  return new AppError(code, message, undefined, { retryable, cause: error });
}

/** Runs a gateway operation; an OdooError leaves it as an AppError, anything else unchanged. */
export async function withAppErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof OdooError ? toAppError(error) : error;
  }
}

/** A gateway's own input, checked before anything is sent: INVALID_INPUT with field errors. */
export function parseGatewayInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", "These values cannot be sent to Odoo.", toFieldErrors(parsed.error));

  return parsed.data;
}
