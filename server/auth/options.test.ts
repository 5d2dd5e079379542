import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@/server/auth/sign-in-with-password", () => ({ signInWithPassword: vi.fn() }));

const BASE_ENV = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/tradepost",
  NEXTAUTH_SECRET: "x".repeat(32),
  MEDUSA_URL: "http://localhost:9000",
  MEDUSA_PUBLISHABLE_KEY: "pk_123",
  MEDUSA_SECRET_API_KEY: "sk_123",
  ODOO_URL: "http://localhost:8069",
  ODOO_API_KEY: "key",
  PRICING_QUOTE_SECRET: "q".repeat(32),
};

async function authOptionsFor(appUrl: string) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ ...BASE_ENV, APP_URL: appUrl, NEXTAUTH_URL: appUrl }))
    vi.stubEnv(name, value);
  const { getAuthOptions } = await import("@/server/auth/options");

  return getAuthOptions();
}

afterEach(() => vi.unstubAllEnvs());

// next-auth names its session cookie __Secure-next-auth.session-token and marks it Secure when
// useSecureCookies is on; proxy.ts looks for both names.
describe("getAuthOptions", () => {
  it("makes the session cookie Secure when the app is served over https", async () => {
    expect((await authOptionsFor("https://shop.example.com")).useSecureCookies).toBe(true);
  });

  it("keeps it plain on http (local stacks), whatever next-auth would guess", async () => {
    expect((await authOptionsFor("http://localhost:3000")).useSecureCookies).toBe(false);
  });
});
