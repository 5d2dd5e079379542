import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";

const VALID = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/tradepost",
  APP_URL: "http://localhost:3000",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "x".repeat(32),
  MEDUSA_URL: "http://localhost:9000",
  MEDUSA_PUBLISHABLE_KEY: "pk_123",
  MEDUSA_SECRET_API_KEY: "sk_123",
  ODOO_URL: "https://erp.example.com",
  ODOO_API_KEY: "key",
  PRICING_QUOTE_SECRET: "q".repeat(32),
};
const TOKEN = "a".repeat(24);

describe("Odoo webhook settings", () => {
  it("defaults: no token (every delivery refused), 256 KiB, 600 s window, 1000 per second", () => {
    const env = parseEnv(VALID);
    expect([env.ODOO_WEBHOOK_TOKENS, env.ODOO_WEBHOOK_HMAC_SECRET]).toEqual([undefined, undefined]);
    expect(env).toMatchObject({
      ODOO_WEBHOOK_MAX_BYTES: 262_144,
      ODOO_WEBHOOK_DEDUPE_SECONDS: 600,
      ODOO_WEBHOOK_RATE_PER_SECOND: 1000,
    });
  });

  it("reads several tokens for a rotation, ignoring spaces and empty entries", () => {
    const env = parseEnv({ ...VALID, ODOO_WEBHOOK_TOKENS: ` ${TOKEN}, ${"b".repeat(30)},,` });
    expect(env.ODOO_WEBHOOK_TOKENS).toEqual([TOKEN, "b".repeat(30)]);
  });

  it.each([
    ["a token shorter than 24 characters", `${TOKEN},short-token`],
    ["a token with a character that is not URL-safe", `${TOKEN.slice(1)}/`],
    ["only commas", ",,"],
  ])("refuses %s without printing it", (_, value) => {
    expect(() => parseEnv({ ...VALID, ODOO_WEBHOOK_TOKENS: value })).toThrow(
      /ODOO_WEBHOOK_TOKENS must be a comma-separated list/,
    );
    try {
      parseEnv({ ...VALID, ODOO_WEBHOOK_TOKENS: value });
    } catch (error) {
      expect((error as Error).message).not.toContain(TOKEN.slice(1));
    }
  });

  it("refuses a short HMAC secret", () => {
    expect(() => parseEnv({ ...VALID, ODOO_WEBHOOK_HMAC_SECRET: "short" })).toThrow(
      /ODOO_WEBHOOK_HMAC_SECRET must be at least 32/,
    );
  });
});
