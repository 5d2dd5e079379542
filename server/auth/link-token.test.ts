import { describe, expect, it } from "vitest";
import { hashLinkToken, linkTokenFor, verifyLinkToken } from "@/server/auth/link-token";

const SECRET = "s".repeat(32);
const ID = "01900000-0000-7000-8000-000000000001";

describe("link tokens", () => {
  it("verifies a token signed for the same purpose and secret, and gives its hash", () => {
    const token = linkTokenFor("invitation", ID, SECRET);
    expect(verifyLinkToken("invitation", token, SECRET)).toEqual({ id: ID, tokenHash: hashLinkToken(token) });
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses another purpose, another secret, a changed id or signature, and garbage", () => {
    const token = linkTokenFor("invitation", ID, SECRET);
    expect(verifyLinkToken("password-reset", token, SECRET)).toBeNull();
    expect(verifyLinkToken("invitation", token, "t".repeat(32))).toBeNull();
    expect(verifyLinkToken("invitation", token.replace(/^0190/, "0191"), SECRET)).toBeNull();
    expect(verifyLinkToken("invitation", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, SECRET)).toBeNull();
    expect(verifyLinkToken("invitation", "not-a-token", SECRET)).toBeNull();
  });
});
