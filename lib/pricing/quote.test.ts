import { describe, expect, it } from "vitest";
import { configurationHash, createQuoteToken, verifyQuoteToken } from "@/lib/pricing/quote";

const SECRET = "quote-secret-quote-secret-quote-secret";
const NOW = new Date("2026-12-01T12:00:00Z");
const payload = {
  sku: "TBL-OAK",
  cfg: configurationHash("TBL-OAK", { width_mm: 1800, top: "oak" }),
  org: "org-a",
  qty: 2,
  cur: "EUR",
  rsv: "version-3",
  unit: 102_150,
  exp: NOW.getTime() / 1000 + 900,
};

describe("signed quotes", () => {
  it("round-trips a quote", () => {
    expect(verifyQuoteToken(createQuoteToken(payload, SECRET), SECRET, NOW)).toEqual({
      ok: true,
      payload: { v: 1, ...payload },
    });
  });

  it("hashes configurations canonically: key order and multi-select order do not matter, values do", () => {
    expect(configurationHash("X", { a: 1, b: ["y", "x"] })).toBe(configurationHash("X", { b: ["x", "y"], a: 1 }));
    expect(configurationHash("X", { a: 1 })).not.toBe(configurationHash("X", { a: 2 }));
    expect(configurationHash("X", { a: 1 })).not.toBe(configurationHash("Y", { a: 1 }));
  });

  it.each([
    ["a changed price", (token: string) => swapBody(token, { unit: 1 })],
    ["a changed quantity", (token: string) => swapBody(token, { qty: 200 })],
    ["another organisation", (token: string) => swapBody(token, { org: "org-b" })],
    ["a later expiry", (token: string) => swapBody(token, { exp: payload.exp + 86_400 })],
    ["a forged signature", (token: string) => `${token.split(".")[0]}.${"A".repeat(43)}`],
    ["a token signed with another secret", () => createQuoteToken(payload, "another-secret-another-secret-another")],
  ])("rejects %s", (_label, tamper) => {
    expect(verifyQuoteToken(tamper(createQuoteToken(payload, SECRET)), SECRET, NOW)).toEqual({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
  });

  it("rejects an expired quote and malformed tokens", () => {
    const token = createQuoteToken(payload, SECRET);
    expect(verifyQuoteToken(token, SECRET, new Date((payload.exp + 1) * 1000))).toEqual({
      ok: false,
      reason: "EXPIRED",
    });
    for (const bad of ["", "abc", "a.b.c", `${"x".repeat(5000)}.y`])
      expect(verifyQuoteToken(bad, SECRET, NOW)).toEqual({ ok: false, reason: "MALFORMED" });
  });
});

function swapBody(token: string, change: Record<string, unknown>): string {
  const [body, signature] = token.split(".");
  const decoded = JSON.parse(Buffer.from(body!, "base64url").toString("utf8")) as Record<string, unknown>;

  return `${Buffer.from(JSON.stringify({ ...decoded, ...change })).toString("base64url")}.${signature}`;
}
