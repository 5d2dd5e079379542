import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-redirect";

const ORIGIN = "https://shop.example.com";

describe("safeNextPath", () => {
  it.each([
    ["/catalog?q=table", "/catalog?q=table"],
    ["/catalog?q=table&page=2#results", "/catalog?q=table&page=2#results"],
    ["/portal/organisation", "/portal/organisation"],
    ["/products/oak-table?width=1200&finish=matt%20oil", "/products/oak-table?width=1200&finish=matt%20oil"],
    ["/", "/"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeNextPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [""],
    ["catalog"],
    ["https://evil.example/"],
    ["https://shop.example.com.evil.example/"],
    ["//evil.example"],
    ["//evil"],
    ["/\\evil.example"],
    ["/\\evil"],
    ["\\\\evil.example"],
    ["/\t/evil.example"],
    ["/\t\\"],
    ["/\n/evil.example"],
    ["/\r/evil.example"],
    ["/%09/evil.example"],
    ["/%0A/evil.example"],
    ["/%0a/evil.example"],
    ["/%0D/evil.example"],
    ["/%09/"],
    ["/%0A/"],
    ["/%5C/evil.example"],
    ["/catalog\u0000"],
    ["javascript:alert(1)"],
    ["/login?next=/x"],
    ["/x/../login"],
    ["/api/auth/signout"],
  ])("sends %j home", (input) => {
    expect(safeNextPath(input, ORIGIN)).toBe("/");
  });

  it("works with an origin given with a trailing slash or a path", () => {
    expect(safeNextPath("/orders", "http://localhost:3000/")).toBe("/orders");
    expect(safeNextPath("//evil", "http://localhost:3000/")).toBe("/");
  });
});
