import { describe, expect, it } from "vitest";
import { describeChange } from "@/lib/audit/describe-change";

describe("describeChange", () => {
  it("lists the fields that changed, old → new", () => {
    expect(describeChange({ isActive: true, name: "A" }, { isActive: false, name: "A" })).toEqual([
      "isActive: true → false",
    ]);
    expect(describeChange({ status: "ACTIVE" }, { status: "SUSPENDED", reason: "unpaid" })).toEqual([
      "status: ACTIVE → SUSPENDED",
      "reason: — → unpaid",
    ]);
    expect(describeChange(null, { tiers: [1, 2] })).toEqual(["tiers: — → [1,2]"]);
    expect(describeChange({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
