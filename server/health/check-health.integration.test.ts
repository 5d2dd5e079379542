import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

// Health is checked against the real database, Medusa and Odoo emulator the test runner started.
afterEach(() => {
  vi.resetModules();
  vi.unstubAllEnvs();
});

async function getHealth() {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET(new NextRequest("http://localhost/api/health"), undefined);

  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/health", () => {
  it("answers 200 when the database, Medusa and Odoo all answer", async () => {
    const { status, body } = await getHealth();

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      checks: {
        database: { status: "ok", latencyMs: expect.any(Number) },
        medusa: { status: "ok", latencyMs: expect.any(Number) },
        odoo: { status: "ok", latencyMs: expect.any(Number), detail: "Odoo 19.0" },
      },
    });
  });

  it("answers 503 naming the system that is down, and reveals no configuration", async () => {
    vi.stubEnv("ODOO_URL", "http://127.0.0.1:9");
    const { status, body } = await getHealth();

    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "degraded", checks: { database: { status: "ok" }, medusa: { status: "ok" }, odoo: { status: "down" } } });
    const text = JSON.stringify(body);
    for (const secret of [process.env.MEDUSA_SECRET_API_KEY, process.env.MEDUSA_PUBLISHABLE_KEY, process.env.ODOO_API_KEY, process.env.DATABASE_URL]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain("127.0.0.1");
  });
});
