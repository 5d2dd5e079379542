import "server-only";

// One error for everything that can go wrong talking to Odoo, whichever protocol: Odoo's
// own exceptions (by their Python name), HTTP failures, timeouts, network errors and
// answers we cannot read. `retryable` says whether the same call may succeed later.

export type TOdooErrorKind =
  | "odoo" // an exception Odoo raised and reported (ValidationError, MissingError, …)
  | "http" // an HTTP status without an Odoo error body (proxy pages, 429 …)
  | "timeout"
  | "network"
  | "invalid_response";

export class OdooError extends Error {
  override readonly name = "OdooError";

  constructor(
    readonly kind: TOdooErrorKind,
    /** Odoo's exception class path, e.g. "odoo.exceptions.ValidationError", or a label for non-Odoo failures. */
    readonly exception: string,
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }

  /** "ValidationError" from "odoo.exceptions.ValidationError". */
  get exceptionName(): string {
    return this.exception.split(".").pop() ?? this.exception;
  }
}

// Database conflicts and connection trouble inside Odoo: the same call can succeed later.
// (A concurrent action_confirm on the same products fails with SerializationFailure.)
const TRANSIENT_EXCEPTIONS = new Set([
  "psycopg2.errors.SerializationFailure",
  "psycopg2.errors.DeadlockDetected",
  "psycopg2.errors.LockNotAvailable",
  "psycopg2.extensions.TransactionRollbackError",
  "odoo.exceptions.ConcurrencyError",
]);

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** An exception Odoo reported, with the HTTP status it came with (200 for JSON-RPC). */
export function odooException({
  exception,
  message,
  status,
}: {
  exception: string;
  message: string;
  status: number;
}): OdooError {
  const retryable =
    TRANSIENT_EXCEPTIONS.has(exception) ||
    (exception === "psycopg2.OperationalError" && !/does not exist/.test(message)) ||
    // A 5xx whose exception is not a plain programming error (ValueError, TypeError …) may pass.
    (status >= 500 && !exception.startsWith("builtins.") && !exception.startsWith("odoo.exceptions."));

  return new OdooError("odoo", exception, message, retryable, status);
}

export function httpFailure(status: number, detail: string): OdooError {
  return new OdooError(
    "http",
    `HTTP ${status}`,
    `Odoo answered HTTP ${status}${detail ? `: ${detail}` : ""}`,
    RETRYABLE_STATUSES.has(status),
    status,
  );
}

export function timeoutFailure(timeoutMs: number): OdooError {
  return new OdooError("timeout", "Timeout", `Odoo did not answer within ${timeoutMs} ms`, true);
}

export function networkFailure(cause: unknown): OdooError {
  const code =
    (cause as { cause?: { code?: string }; code?: string })?.cause?.code ?? (cause as { code?: string })?.code;

  return new OdooError("network", code ?? "NetworkError", `Odoo could not be reached${code ? ` (${code})` : ""}`, true);
}

export function invalidResponse(
  detail: string,
  { retryable, status }: { retryable: boolean; status: number | null },
): OdooError {
  return new OdooError(
    "invalid_response",
    "InvalidResponse",
    `Odoo sent an answer that cannot be read: ${detail}`,
    retryable,
    status,
  );
}
