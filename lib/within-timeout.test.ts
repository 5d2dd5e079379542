import { describe, expect, it } from "vitest";
import { TimeoutError, withinTimeout } from "./within-timeout";

describe("withinTimeout", () => {
  it("passes on an answer or a failure that comes in time", async () => {
    expect(await withinTimeout(Promise.resolve(7), 50)).toBe(7);
    await expect(withinTimeout(Promise.reject(new Error("refused")), 50)).rejects.toThrow("refused");
  });

  it("gives up on work that never answers", async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withinTimeout(never, 20)).rejects.toBeInstanceOf(TimeoutError);
  });
});
