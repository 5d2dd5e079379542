// CSRF. Server actions: Next refuses an action whose Origin is not the request's host (a foreign
// site or `null`), unless next.config lists it in serverActions.allowedOrigins — so the config must
// list none (the request itself is sent to the built app in e2e/security-csrf.spec.ts). Route
// handlers: every one a session cookie authenticates and that is not a GET must refuse a foreign
// or null Origin (and a browser's Sec-Fetch-Site: cross-site) with 403 before doing anything.
import { signInAs } from "../support/next-request-scope";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisationWithMembers } from "../../prisma/seed/factories";
import { testDb } from "../support/db";
import { ROOT } from "./entry-points";
import { callRoute, ROUTES } from "./route-table";
import { installWriteCounter, settle, writesAfter, writesSoFar } from "./write-counter";

const db = testDb();
let org: Awaited<ReturnType<typeof createOrganisationWithMembers>>;

beforeAll(async () => {
  org = await createOrganisationWithMembers(db);
  await installWriteCounter(db);
});
afterAll(() => db.$disconnect());

describe("server actions", () => {
  it("next.config allows no other origin to call them (serverActions.allowedOrigins unset)", async () => {
    const { default: config } = (await import("../../next.config")) as {
      default: { experimental?: { serverActions?: { allowedOrigins?: unknown } }; serverActions?: unknown };
    };
    expect(config.experimental?.serverActions?.allowedOrigins).toBeUndefined();
    expect(config.serverActions).toBeUndefined();
    expect(readFileSync(path.join(ROOT, "next.config.ts"), "utf8")).not.toMatch(/allowedOrigins/);
  });
});

const cookieRoutes = Object.keys(ROUTES).filter((route) => {
  const { auth } = ROUTES[route]!;
  return typeof auth === "object" && "session" in auth;
});

describe("route handlers", () => {
  it("every cookie-authenticated route that is not a GET checks Origin; only GETs are read-only", () => {
    for (const route of Object.keys(ROUTES)) {
      const { csrf } = ROUTES[route]!;
      const isGet = route.endsWith(" GET");
      if (csrf === "read-only") expect(isGet, route).toBe(true);
      if (cookieRoutes.includes(route) && !isGet) expect(csrf, route).toBe("origin-checked");
    }
  });

  const checked = Object.keys(ROUTES).filter((route) => ROUTES[route]!.csrf === "origin-checked");
  const price = JSON.stringify({ product: "no-such-product", quantity: 1 });

  it.each(
    checked.flatMap((route) => [
      { route, headers: { origin: "https://evil.example" } },
      { route, headers: { origin: "null" } },
      { route, headers: { origin: "http://localhost:3000.evil.example" } },
      { route, headers: { origin: "not a url" } },
      { route, headers: { origin: "http://localhost:3000", "sec-fetch-site": "cross-site" } },
    ]),
  )("$route with $headers → 403, nothing written", async ({ route, headers }) => {
    signInAs(org.buyer);
    await settle(db);
    const before = await writesSoFar(db);
    const response = await callRoute(route, {
      path: "/",
      body: price,
      headers: { "content-type": "application/json", ...headers },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-site request refused." } });
    expect(await writesAfter(db, before)).toEqual([]);
    const [windows] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "RateLimitWindow" WHERE "key" = $1`,
      `price:${org.buyer.id}`,
    );
    expect(Number(windows!.n), "refused before the rate limit counts it").toBe(0);
  });

  it.each(
    checked.flatMap((route) => [
      { route, headers: { origin: "http://localhost:3000" } },
      { route, headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } },
      { route, headers: {} },
    ]),
  )("$route with $headers is not refused as cross-site (control)", async ({ route, headers }) => {
    signInAs(org.buyer);
    const response = await callRoute(route, {
      path: "/",
      body: price,
      headers: { "content-type": "application/json", ...headers },
    });
    expect(response.status).not.toBe(403);
  });
});
