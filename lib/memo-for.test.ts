import { afterEach, describe, expect, it, vi } from "vitest";
import { memoFor } from "./memo-for";

describe("memoFor", () => {
  afterEach(() => vi.useRealTimers());

  it("reuses one load within the period, concurrent callers included, and loads again after it", async () => {
    vi.useFakeTimers();
    let loads = 0;
    const get = memoFor(1000, async () => ++loads);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    vi.advanceTimersByTime(999);
    expect(await get()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await get()).toBe(2);
  });

  it("does not keep a failed load", async () => {
    let calls = 0;
    const get = memoFor(60_000, async () => {
      calls += 1;
      if (calls === 1) throw new Error("Medusa is down");

      return "categories";
    });
    await expect(get()).rejects.toThrow("Medusa is down");
    expect(await get()).toBe("categories");
    expect(calls).toBe(2);
  });
});
