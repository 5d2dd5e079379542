import { afterEach, describe, expect, it, vi } from "vitest";
import { memoByKeyFor, memoFor } from "./memo-for";

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

describe("memoByKeyFor", () => {
  afterEach(() => vi.useRealTimers());

  it("keeps each key apart, expires it after the period, and drops the oldest key beyond the limit", async () => {
    vi.useFakeTimers();
    const loads: string[] = [];
    const get = memoByKeyFor(1000, 2, async (key: string) => {
      loads.push(key);

      return key.toUpperCase();
    });
    expect(await Promise.all([get("a"), get("a"), get("b")])).toEqual(["A", "A", "B"]);
    expect(loads).toEqual(["a", "b"]);
    await get("c"); // the third key pushes out "a"
    await get("a");
    expect(loads).toEqual(["a", "b", "c", "a"]);
    vi.advanceTimersByTime(1000);
    await get("a");
    expect(loads).toEqual(["a", "b", "c", "a", "a"]);
  });

  it("does not keep a failed load", async () => {
    let calls = 0;
    const get = memoByKeyFor(60_000, 10, async (key: string) => {
      calls += 1;
      if (calls === 1) throw new Error("down");

      return key;
    });
    await expect(get("x")).rejects.toThrow("down");
    expect(await get("x")).toBe("x");
  });
});
