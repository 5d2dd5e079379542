import { describe, expect, it } from "vitest";
import { diffFields, sampleOf } from "@/lib/erp/drift";

describe("diffFields", () => {
  it("names each field that differs, with both values", () => {
    expect(
      diffFields(
        { creditLimitMinor: 500_000, active: true, available: 12 },
        { creditLimitMinor: 750_000, active: true, available: 12.00001 },
      ),
    ).toEqual([{ field: "creditLimitMinor", cached: 500_000, actual: 750_000 }]);
  });

  it("treats a missing cached value as null and compares numbers at the cache's precision", () => {
    expect(diffFields({}, { amountDueMinor: 0 })).toEqual([{ field: "amountDueMinor", cached: null, actual: 0 }]);
    expect(diffFields({ available: 0.1 + 0.2 }, { available: 0.3 })).toEqual([]);
  });
});

describe("sampleOf", () => {
  it("takes a rotating window, or everything when the sample is large enough", () => {
    expect(sampleOf([1, 2, 3, 4, 5], 2, 4)).toEqual([5, 1]);
    expect(sampleOf([1, 2], 10, 1)).toEqual([1, 2]);
  });
});
