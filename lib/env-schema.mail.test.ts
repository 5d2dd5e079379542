import { describe, expect, it } from "vitest";
import { mailFrom, parseEnv } from "@/lib/env-schema";

const BASE = {
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

describe("mail settings", () => {
  it("are optional outside production, with a placeholder sender", () => {
    const env = parseEnv(BASE);
    expect(env.SMTP_URL).toBeUndefined();
    expect(mailFrom(env)).toBe("Tradepost <no-reply@tradepost.localhost>");
  });

  it("are required in production", () => {
    expect(() => parseEnv({ ...BASE, NODE_ENV: "production" })).toThrow(
      /SMTP_URL is required in production[\s\S]*MAIL_FROM is required in production/,
    );
  });

  it("accept smtp:// and smtps:// URLs and an address with or without a name", () => {
    const env = parseEnv({
      ...BASE,
      NODE_ENV: "production",
      SMTP_URL: "smtps://user:secret@mail.example.com:465",
      MAIL_FROM: "Tradepost Orders <orders@example.com>",
    });
    expect(env.SMTP_URL).toBe("smtps://user:secret@mail.example.com:465");
    expect(mailFrom(env)).toBe("Tradepost Orders <orders@example.com>");
    expect(parseEnv({ ...BASE, MAIL_FROM: "orders@example.com" }).MAIL_FROM).toBe("orders@example.com");
  });

  it("refuse another scheme and a sender that is not an address", () => {
    expect(() => parseEnv({ ...BASE, SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL must be an smtp:\/\//);
    expect(() => parseEnv({ ...BASE, MAIL_FROM: "Tradepost" })).toThrow(/MAIL_FROM must be an address/);
    expect(() => parseEnv({ ...BASE, MAIL_FROM: "A <a@example.com>\r\nBcc: x@evil.example" })).toThrow(
      /MAIL_FROM must be an address/,
    );
  });
});
