import { describe, expect, it } from "vitest";
import { parseEnv, requiresPricingApproval, usesSecureCookies } from "@/lib/env-schema";

const VALID = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/tradepost",
  APP_URL: "http://localhost:3000/",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "x".repeat(32),
  MEDUSA_URL: "http://localhost:9000",
  MEDUSA_PUBLISHABLE_KEY: "pk_123",
  MEDUSA_SECRET_API_KEY: "sk_123",
  ODOO_URL: "https://erp.example.com",
  ODOO_API_KEY: "key",
  PRICING_QUOTE_SECRET: "q".repeat(32),
  SMTP_URL: "smtp://localhost:1025",
  MAIL_FROM: "Tradepost <no-reply@example.com>",
};

describe("parseEnv", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(VALID);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.ODOO_PROTOCOL).toBe("auto");
    expect(env.LOGIN_MAX_FAILURES_PER_EMAIL).toBe(5);
    expect(env.NODE_ENV).toBe("development");
  });

  it("names a missing variable", () => {
    const { MEDUSA_URL: _omitted, ...rest } = VALID;
    expect(() => parseEnv(rest)).toThrow(/MEDUSA_URL is missing/);
  });

  it("names a malformed variable without printing its value", () => {
    const secret = "not-a-url-with-secret-123";
    const error = (() => {
      try {
        parseEnv({ ...VALID, DATABASE_URL: secret });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(error?.message).not.toContain(secret);
  });

  it("lists every bad variable at once", () => {
    expect(() => parseEnv({ ...VALID, NEXTAUTH_SECRET: "short", MEDUSA_PUBLISHABLE_KEY: "sk_wrong" })).toThrow(
      /NEXTAUTH_SECRET must be at least 32 characters[\s\S]*MEDUSA_PUBLISHABLE_KEY must be a Medusa publishable key/,
    );
  });

  it("treats empty strings as unset", () => {
    expect(() => parseEnv({ ...VALID, ODOO_URL: "" })).toThrow(/ODOO_URL is missing/);
  });

  it("requires Odoo credentials that fit the protocol", () => {
    const { ODOO_API_KEY: _key, ...withoutKey } = VALID;
    expect(() => parseEnv(withoutKey)).toThrow(/ODOO_API_KEY is required \(or ODOO_LOGIN and ODOO_PASSWORD/);
    expect(
      parseEnv({ ...withoutKey, ODOO_PROTOCOL: "jsonrpc", ODOO_DB: "erp", ODOO_LOGIN: "bot", ODOO_PASSWORD: "pw" })
        .ODOO_LOGIN,
    ).toBe("bot");
    expect(() => parseEnv({ ...VALID, ODOO_PROTOCOL: "jsonrpc" })).toThrow(
      /ODOO_LOGIN is required when ODOO_PROTOCOL=jsonrpc[\s\S]*ODOO_DB is required/,
    );
    expect(() => parseEnv({ ...withoutKey, ODOO_PROTOCOL: "json2", ODOO_LOGIN: "bot", ODOO_PASSWORD: "pw" })).toThrow(
      /ODOO_API_KEY is required when ODOO_PROTOCOL=json2/,
    );
  });

  it("turns pricing approval on by default in production only", () => {
    expect(requiresPricingApproval(parseEnv({ ...VALID, NODE_ENV: "production" }))).toBe(true);
    expect(requiresPricingApproval(parseEnv(VALID))).toBe(false);
    expect(
      requiresPricingApproval(parseEnv({ ...VALID, NODE_ENV: "production", PRICING_REQUIRE_APPROVAL: "false" })),
    ).toBe(false);
    expect(() => parseEnv({ ...VALID, PRICING_QUOTE_SECRET: "short" })).toThrow(
      /PRICING_QUOTE_SECRET must be at least 32 characters/,
    );
  });

  it("rejects numbers that are not positive integers", () => {
    expect(() => parseEnv({ ...VALID, LOGIN_MAX_FAILURES_PER_EMAIL: "0" })).toThrow(/LOGIN_MAX_FAILURES_PER_EMAIL/);
    expect(parseEnv({ ...VALID, LOGIN_MAX_FAILURES_PER_EMAIL: "7" }).LOGIN_MAX_FAILURES_PER_EMAIL).toBe(7);
  });

  it("requires NEXTAUTH_URL, equal to APP_URL", () => {
    const { NEXTAUTH_URL: _omitted, ...withoutNextAuthUrl } = VALID;
    expect(() => parseEnv(withoutNextAuthUrl)).toThrow(/NEXTAUTH_URL is missing/);
    expect(() => parseEnv({ ...VALID, NEXTAUTH_URL: "https://shop.example.com" })).toThrow(
      /NEXTAUTH_URL must equal APP_URL/,
    );
    expect(() => parseEnv({ ...VALID, NEXTAUTH_URL: "localhost:3000" })).toThrow(
      /NEXTAUTH_URL must be an http\(s\) URL/,
    );
    expect(parseEnv({ ...VALID, NEXTAUTH_URL: "http://localhost:3000/" }).NEXTAUTH_URL).toBe("http://localhost:3000");
  });

  it("makes cookies Secure exactly when APP_URL is https", () => {
    const https = { APP_URL: "https://shop.example.com", NEXTAUTH_URL: "https://shop.example.com" };
    expect(usesSecureCookies(parseEnv({ ...VALID, ...https }))).toBe(true);
    expect(usesSecureCookies(parseEnv(VALID))).toBe(false);
  });
});
