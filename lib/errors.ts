// One error vocabulary for the whole app. Expected failures are AppErrors; their
// message is safe to show. Anything else is a bug and is shown as a generic message.

export const APP_ERROR_STATUS = {
  INVALID_INPUT: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  LIMIT_EXCEEDED: 429,
  UPSTREAM_FAILED: 502,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;

export type TFieldErrors = Record<string, string[]>;

/**
 * `retryable`: the same operation may succeed later (jobs retry it, others dead-letter it).
 * Defaults to true for UPSTREAM_FAILED (another system down or slow) and false otherwise.
 */
export type TAppErrorOptions = { retryable?: boolean; cause?: unknown };

export class AppError extends Error {
  override readonly name = "AppError";
  readonly retryable: boolean;

  constructor(
    readonly code: TAppErrorCode,
    message: string,
    readonly fieldErrors?: TFieldErrors,
    options: TAppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? code === "UPSTREAM_FAILED";
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What server actions return: data, or an expected failure the UI can show. */
export type TActionResult<T> =
  { ok: true; data: T } | { ok: false; code: TAppErrorCode | "INTERNAL"; message: string; fieldErrors?: TFieldErrors };

export const GENERIC_ERROR_MESSAGE =
  "Something went wrong on our side. Please try again; if it keeps happening, contact support.";
