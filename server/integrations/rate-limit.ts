import "server-only";
import { db } from "@/server/db";

export type TRateLimitHit = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one hit on `key` in the current fixed window (PostgreSQL's clock, so every app instance
 * shares the same windows and the same counter) and says whether it is within `limit`. One
 * upsert per hit; the first hit of a window also deletes the key's windows older than a minute.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds = 1): Promise<TRateLimitHit> {
  const [row] = await db.$queryRaw<{ count: number; remaining: number }[]>`
    INSERT INTO "RateLimitWindow" ("key", "windowStart", "count")
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${windowSeconds}) * ${windowSeconds}), 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
    RETURNING "count",
      extract(epoch FROM "windowStart" + make_interval(secs => ${windowSeconds}) - clock_timestamp())::float8 AS "remaining"`;
  if (!row) throw new Error("The rate limit upsert returned no row");
  if (row.count === 1) {
    await db.$executeRaw`
      DELETE FROM "RateLimitWindow" WHERE "key" = ${key} AND "windowStart" < clock_timestamp() - interval '1 minute'`;
  }

  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil(row.remaining)),
  };
}
