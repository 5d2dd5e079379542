import "server-only";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/server/integrations/rate-limit";

/**
 * Counts one hit on `key` (a fixed window in PostgreSQL, shared by every app instance) and throws
 * LIMIT_EXCEEDED — 429 from a route handler, a typed failure from an action — naming `what` and
 * how long to wait, once more than `limit` hits fall in the window.
 */
export async function assertWithinRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  what: string,
): Promise<void> {
  const hit = await hitRateLimit(key, limit, windowSeconds);
  if (!hit.allowed) {
    throw new AppError("LIMIT_EXCEEDED", `Too many ${what}. Try again in ${hit.retryAfterSeconds} seconds.`);
  }
}
