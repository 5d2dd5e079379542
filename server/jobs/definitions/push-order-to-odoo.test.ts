import { describe, expect, it } from "vitest";
import { retryLimitForHorizon } from "@/server/jobs/definitions/push-order-to-odoo";

// pg-boss waits min(max, base × 2ⁿ × (1 + jitter)) before retry n; the shortest case is jitter 0.
const shortestTotal = (base: number, max: number, retries: number) =>
  Array.from({ length: retries }, (_, n) => Math.min(max, base * 2 ** n)).reduce((sum, delay) => sum + delay, 0);

describe("retryLimitForHorizon", () => {
  it("keeps a push retrying for at least 72 hours with the default 15 s → 1 h backoff, and no longer than needed", () => {
    const limit = retryLimitForHorizon(15, 3600, 72 * 3600);

    expect(limit).toBe(79);
    expect(shortestTotal(15, 3600, limit)).toBeGreaterThanOrEqual(72 * 3600);
    expect(shortestTotal(15, 3600, limit - 1)).toBeLessThan(72 * 3600);
  });

  it("follows the configuration", () => {
    expect(retryLimitForHorizon(1, 2, 10)).toBe(6);
    expect(retryLimitForHorizon(60, 60, 3600)).toBe(60);
  });
});
