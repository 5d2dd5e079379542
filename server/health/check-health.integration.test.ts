import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

// Health is checked against the real database, Medusa and Odoo emulator the test runner started.
const TOKEN = "health-details-token-for-the-tests-0123456789";

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
  vi.unstubAllEnvs();
});

async function healthRoute() {
  const { GET } = await import("@/app/api/health/route");

  return async (headers: Record<string, string> = {}) => {
    const response = await GET(new NextRequest("http://localhost/api/health", { headers }), undefined);

    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

function countUpstreamCalls() {
  const spy = vi.spyOn(globalThis, "fetch");
  const calls = (suffix: string) =>
    spy.mock.calls.filter(
      ([input]) => new URL(String(input instanceof Request ? input.url : input)).pathname === suffix,
    ).length;

  return { medusa: () => calls("/health"), odoo: () => calls("/web/version") };
}

describe("GET /api/health", () => {
  // The integration tier runs Strapi when the PIM's tests are in the run: the answers below are
  // about the three counted systems, so no PIM here unless a test configures one (blank = unset).
  beforeEach(() => {
    vi.stubEnv("STRAPI_URL", "");
  });

  it("tells anyone only ok/down per system: no latencies, versions or times", async () => {
    const { status, body } = await (await healthRoute())();

    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", checks: { database: "ok", medusa: "ok", odoo: "ok" } });
  });

  it("gives details to a caller with the token from HEALTH_DETAILS_TOKEN", async () => {
    vi.stubEnv("HEALTH_DETAILS_TOKEN", TOKEN);
    const { status, body } = await (await healthRoute())({ authorization: `Bearer ${TOKEN}` });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      checkedAt: expect.any(String),
      checks: {
        database: { status: "ok", latencyMs: expect.any(Number), detail: expect.stringMatching(/^PostgreSQL \d+/) },
        medusa: { status: "ok", latencyMs: expect.any(Number) },
        odoo: { status: "ok", latencyMs: expect.any(Number), detail: "Odoo 19.0" },
      },
    });
  });

  it("answers 401 with nothing about the systems to a wrong token, and to any token when none is configured", async () => {
    vi.stubEnv("HEALTH_DETAILS_TOKEN", TOKEN);
    const get = await healthRoute();
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, "Bearer ", `Basic ${TOKEN}`]) {
      const { status, body } = await get({ authorization });
      expect(status).toBe(401);
      expect(JSON.stringify(body)).not.toMatch(/latencyMs|checks|Odoo|PostgreSQL/);
    }

    vi.resetModules();
    vi.stubEnv("HEALTH_DETAILS_TOKEN", "");
    expect((await (await healthRoute())({ authorization: "Bearer anything" })).status).toBe(401);
  });

  it("answers 503 naming the system that is down; details give the kind of failure and reveal no configuration", async () => {
    vi.stubEnv("ODOO_URL", "http://127.0.0.1:9");
    vi.stubEnv("HEALTH_DETAILS_TOKEN", TOKEN);
    const get = await healthRoute();

    const open = await get();
    expect(open.status).toBe(503);
    expect(open.body).toEqual({ status: "degraded", checks: { database: "ok", medusa: "ok", odoo: "down" } });

    const detailed = await get({ authorization: `Bearer ${TOKEN}` });
    expect(detailed.status).toBe(503);
    expect(detailed.body).toMatchObject({
      checks: { odoo: { status: "down", latencyMs: expect.any(Number), detail: expect.any(String) } },
    });
    const text = JSON.stringify(detailed.body);
    for (const secret of [
      process.env.MEDUSA_SECRET_API_KEY,
      process.env.MEDUSA_PUBLISHABLE_KEY,
      process.env.ODOO_API_KEY,
      process.env.DATABASE_URL,
      TOKEN,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain("127.0.0.1");
  });

  it("reports a configured PIM to anyone, up or down, without counting it: pages render without Strapi", async () => {
    vi.stubEnv("STRAPI_URL", "http://127.0.0.1:9");
    vi.stubEnv("STRAPI_API_TOKEN", "a-strapi-token-for-the-health-test");
    const { status, body } = await (await healthRoute())();

    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", checks: { database: "ok", medusa: "ok", odoo: "ok", pim: "down" } });
  });

  it("shares one check among concurrent callers and for a few seconds after, then checks again", async () => {
    const upstream = countUpstreamCalls();
    vi.stubEnv("HEALTH_DETAILS_TOKEN", TOKEN);
    const get = await healthRoute();

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => get(index % 2 ? { authorization: `Bearer ${TOKEN}` } : {})),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect([upstream.medusa(), upstream.odoo()]).toEqual([1, 1]);
    const checkedAt = new Set(
      answers.filter((answer) => "checkedAt" in answer.body).map((answer) => answer.body.checkedAt),
    );
    expect(checkedAt.size).toBe(1);

    await get();
    expect([upstream.medusa(), upstream.odoo()]).toEqual([1, 1]);

    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + 6_000);
    await get();
    expect([upstream.medusa(), upstream.odoo()]).toEqual([2, 2]);
  });
});
