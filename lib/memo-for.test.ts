import { afterEach, describe, expect, it, vi } from "vitest";
import { memoByKeyFor, memoFor } from "./memo-for";

describe("memoFor", () => {
  afterEach(() => vi.useRealTimers());

  it("reuses one load within the period, concurrent callers included, then serves it while one refresh runs", async () => {
    vi.useFakeTimers();
    let loads = 0;
    const get = memoFor(1000, async () => ++loads);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    vi.advanceTimersByTime(999);
    expect(await get()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]); // nobody waits for the refresh …
    expect(loads).toBe(2); // … and only one runs
    expect(await get()).toBe(2);
  });

  it("waits for a fresh load once the value is older than the stale limit", async () => {
    vi.useFakeTimers();
    let loads = 0;
    const get = memoFor(1000, async () => ++loads, { staleMs: 5000 });
    await get();
    vi.advanceTimersByTime(6000);
    expect(await get()).toBe(2);
  });

  it("keeps serving the old value when a refresh fails, and tries again on the next call", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const get = memoFor(1000, async () => {
      calls += 1;
      if (calls === 2) throw new Error("Medusa is down");

      return `v${calls}`;
    });
    expect(await get()).toBe("v1");
    vi.advanceTimersByTime(1000);
    expect(await get()).toBe("v1"); // refresh 2 fails in the background
    await Promise.resolve();
    expect(await get()).toBe("v1"); // refresh 3 starts
    await Promise.resolve();
    expect(await get()).toBe("v3");
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

  it("shares one value between copies of a memo with the same `sharedAs` (Next's separate module graphs)", async () => {
    const name = `test-${Math.random()}`;
    const loads: string[] = [];
    // Two copies of one module's memo, as a route handler's and a page's bundles each hold one.
    const inRoute = memoFor(60_000, async () => (loads.push("route"), "from the route's copy"), { sharedAs: name });
    const inPage = memoFor(60_000, async () => (loads.push("page"), "from the page's copy"), { sharedAs: name });
    const apart = memoFor(60_000, async () => (loads.push("apart"), "its own"));
    expect(await inRoute()).toBe("from the route's copy");
    expect(await inPage()).toBe("from the route's copy");
    expect(await apart()).toBe("its own");
    expect(loads).toEqual(["route", "apart"]);
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
