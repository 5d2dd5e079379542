// Route handlers a session authenticates: a visitor gets 401, every role without the permission
// 403; organisation B's admin exporting orders with A's buyer id gets none of A's orders; the
// price request refuses the fields the server decides (organisation, price) with 422.
import { signInAs } from "../support/next-request-scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import { callRoute, ROUTES } from "./route-table";
import { createStaff, createTenant, type TTenant, usersByRole } from "./tenants";
import { hasPermission, type TPermission } from "@/server/auth/permissions";

const db = testDb();
let a: TTenant;
let b: TTenant;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  [a, b, staff] = await Promise.all([
    createTenant(db, "A", { cart: false }),
    createTenant(db, "B", { cart: false }),
    createStaff(db),
  ]);
});
afterAll(() => db.$disconnect());

const REQUESTS: Record<string, { path: string; params?: Record<string, string>; body?: string }> = {
  "app/(portal)/portal/pricing/versions/[versionId]/export/[kind]/route.ts GET": {
    path: "/portal/pricing/versions/x/export/base",
    params: { versionId: "0190a5c4-8a5e-7cc0-9a5b-1b2c3d4e5f60", kind: "base" },
  },
  "app/(storefront)/orders/export/route.ts GET": { path: "/orders/export" },
  "app/api/storefront/price/route.ts POST": {
    path: "/api/storefront/price",
    body: JSON.stringify({ product: "no-such-product", quantity: 1 }),
  },
};
const sessionRoutes = Object.keys(ROUTES).filter((key) => {
  const { auth } = ROUTES[key]!;
  return typeof auth === "object" && "session" in auth;
});

describe("role matrix of the routes a session authenticates", () => {
  it("has a request for each of them", () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(sessionRoutes.sort());
  });

  it.each(sessionRoutes)("%s", async (key) => {
    const { session } = ROUTES[key]!.auth as { session: TPermission };
    const send = () => callRoute(key, { ...REQUESTS[key]!, headers: { "content-type": "application/json" } });
    signInAs(null);
    expect((await send()).status).toBe(401);
    for (const [role, user] of usersByRole(a, staff)) {
      signInAs(user);
      const status = (await send()).status;
      if (hasPermission(role, session)) expect(status, role).not.toBe(403);
      else expect(status, role).toBe(403);
    }
  });
});

describe("cross-tenant: the order export", () => {
  const exportAs = async (user: { id: string }, query: string) => {
    signInAs(user);
    const response = await callRoute("app/(storefront)/orders/export/route.ts GET", {
      path: `/orders/export?${query}`,
    });
    expect(response.status).toBe(200);

    return response.text();
  };

  it("gives B's admin none of A's orders, even filtered by A's buyer; A's admin gets them (control)", async () => {
    for (const query of [`buyer=${a.buyer.id}`, "", `po=${a.placed.poNumber}`]) {
      const csv = await exportAs(b.admin, query);
      expect(csv).not.toContain(a.placed.poNumber!);
      expect(csv).not.toContain(a.waiting.poNumber!);
    }
    expect(await exportAs(a.admin, `buyer=${a.buyer.id}`)).toContain(a.placed.poNumber!);
  });
});

describe("field tampering: the price request", () => {
  it.each([
    { organisationId: "00000000-0000-7000-8000-000000000000" },
    { unitPrice: 1 },
    { price: 1 },
    { discount: 9000 },
  ])("refuses %o with 422", async (extra) => {
    signInAs(a.buyer);
    const response = await callRoute("app/api/storefront/price/route.ts POST", {
      path: "/api/storefront/price",
      body: JSON.stringify({ product: "no-such-product", quantity: 1, ...extra }),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(422);
  });
});
