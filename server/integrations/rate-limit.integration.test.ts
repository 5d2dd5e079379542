// The PostgreSQL rate limiter: hits from many connections at once (as from several app
// instances) are counted without losing one, exactly `limit` pass in a window, keys are
// independent, and old windows are deleted as new ones open.
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/support/db";
import { startOfNextWindow } from "../../test/support/rate-limit-window";
import { hitRateLimit } from "@/server/integrations/rate-limit";

const raw = testDb();
afterAll(() => raw.$disconnect());

describe("hitRateLimit", () => {
  it("lets exactly `limit` of 40 concurrent hits through, counting every one", async () => {
    // 10-second windows: 40 hits on a loaded machine can take longer than a second.
    await startOfNextWindow(10);
    const hits = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit("test:concurrent", 10, 10)));
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    expect(hits.filter((hit) => hit.allowed)).toHaveLength(10);
    expect(hits.every((hit) => hit.retryAfterSeconds >= 1 && hit.retryAfterSeconds <= 10)).toBe(true);
  });

  it("starts a new count in the next window, and keeps keys apart", async () => {
    await startOfNextWindow(5);
    expect((await hitRateLimit("test:a", 1, 5)).allowed).toBe(true);
    expect((await hitRateLimit("test:a", 1, 5)).allowed).toBe(false);
    expect((await hitRateLimit("test:b", 1, 5)).allowed).toBe(true);
    await startOfNextWindow(5);
    expect(await hitRateLimit("test:a", 1, 5)).toMatchObject({ allowed: true, count: 1 });
  });

  it("says how long until the window ends", async () => {
    await startOfNextWindow(10);
    const hit = await hitRateLimit("test:long", 5, 10);
    expect(hit.retryAfterSeconds).toBeGreaterThanOrEqual(9);
    expect(hit.retryAfterSeconds).toBeLessThanOrEqual(10);
  });

  it("deletes the key's windows older than a minute when a new window opens", async () => {
    const old = new Date(Date.now() - 120_000);
    await raw.rateLimitWindow.create({ data: { key: "test:prune", windowStart: old, count: 9 } });
    await raw.rateLimitWindow.create({ data: { key: "test:other", windowStart: old, count: 9 } });
    await hitRateLimit("test:prune", 5);
    expect(await raw.rateLimitWindow.count({ where: { key: "test:prune", windowStart: old } })).toBe(0);
    expect(await raw.rateLimitWindow.count({ where: { key: "test:other" } })).toBe(1);
  });
});
