// The Medusa backend in stack/medusa, running for real: the custom admin routes Tradepost
// uses for price-locked carts, their authentication, and the idempotent seed (the checkout
// route: medusa-checkout.integration.test.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { seedMedusa } from "./lib/medusa";
import { basic, call, createCustomer, env, post, store, variantId, type TCart } from "./medusa-test-client";

/** Every route Tradepost added under /admin/tradepost, with its methods, read from the route files. */
function tradepostRoutes(): { method: string; route: string }[] {
  const root = path.join(import.meta.dirname, "medusa/src/api");
  return readdirSync(path.join(root, "admin/tradepost"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts"))
    .flatMap((file) => {
      const source = readFileSync(path.join(root, "admin/tradepost", file), "utf8");
      const route = `/admin/tradepost/${path.dirname(file)}`.replace(/\/\.$/, "").replaceAll(/\[(\w+)\]/g, "x_$1");
      return [...source.matchAll(/export (?:async function|const) (GET|POST|DELETE|PUT|PATCH)\b/g)].map((match) => ({
        method: match[1]!,
        route,
      }));
    });
}

describe("custom admin routes", () => {
  it("creates a cart for a customer with the organisation, and adds lines at the server-decided price", async () => {
    const customer = await createCustomer();
    const created = await post("/admin/tradepost/carts", {
      customer_id: customer.id,
      metadata: { organisation_id: "org-a" },
    });
    expect(created.status).toBe(201);
    const cartId = (created.json.cart as TCart).id;

    const table = await variantId("TBL-ATELIER-OAK");
    const metadata = { configuration: { width_mm: 1800, top: "oak" }, quote: "signed-token", rule_set_version: 3 };
    expect(
      (
        await post(`/admin/tradepost/carts/${cartId}/line-items`, {
          variant_id: table,
          quantity: 2,
          unit_price: 1234.56,
          metadata,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(`/admin/tradepost/carts/${cartId}/line-items`, {
          variant_id: await variantId("ACC-GROMMET-80"),
          quantity: 10,
          unit_price: 11.2,
        })
      ).status,
    ).toBe(201);

    // Read back through Medusa's own store API, not our route's answer.
    const { cart } = (await store.store.cart.retrieve(cartId, {
      fields: "+customer_id,+metadata,*items",
    })) as unknown as { cart: TCart };
    expect(cart.customer_id).toBe(customer.id);
    expect(cart.currency_code).toBe("eur");
    expect(cart.metadata).toEqual({ organisation_id: "org-a" });
    const tableLine = cart.items.find((item) => item.variant_id === table);
    expect(tableLine).toMatchObject({ quantity: 2, unit_price: 1234.56, is_custom_price: true, metadata });
    expect(cart.items).toHaveLength(2);
  });

  it("refuses every Tradepost route without the secret key, or with a wrong one (401, nothing done)", async () => {
    // The routes opt out of Medusa's check for Tradepost's own (src/api/middlewares.ts): a route
    // file that opts out without being covered by it would be open to anyone.
    const routes = tradepostRoutes();
    expect(routes.map(({ method, route }) => `${method} ${route}`).sort()).toEqual([
      "DELETE /admin/tradepost/carts/x_id/line-items/x_lineId",
      "GET /admin/tradepost/carts/x_id",
      "GET /admin/tradepost/carts/x_id/order",
      "POST /admin/tradepost/carts",
      "POST /admin/tradepost/carts/x_id/complete",
      "POST /admin/tradepost/carts/x_id/line-items",
      "POST /admin/tradepost/carts/x_id/line-items/x_lineId",
    ]);
    const wrongKey = `sk_${"0".repeat(64)}`;
    for (const { method, route } of routes) {
      const body = method === "GET" ? undefined : {};
      for (const authorization of [null, basic(wrongKey), `Basic ${wrongKey}`, "Bearer not-a-jwt"]) {
        const answer = await call(method, route, body, authorization);
        expect({ method, route, authorization, status: answer.status }).toEqual({
          method,
          route,
          authorization,
          status: 401,
        });
      }
    }
  });

  it("rejects requests without the secret key", async () => {
    const customer = await createCustomer();
    expect(
      (await post("/admin/tradepost/carts", { customer_id: customer.id, metadata: { organisation_id: "x" } }, false))
        .status,
    ).toBe(401);
  });

  it.each([
    ["a negative quantity", { quantity: -1, unit_price: 10 }],
    ["a price that is not a number", { quantity: 1, unit_price: "10" }],
    ["unknown fields", { quantity: 1, unit_price: 10, discount: 5 }],
  ])("rejects %s with 400 and adds nothing", async (_label, patch) => {
    const customer = await createCustomer();
    const cartId = (
      (await post("/admin/tradepost/carts", { customer_id: customer.id, metadata: { organisation_id: "x" } })).json
        .cart as TCart
    ).id;
    const result = await post(`/admin/tradepost/carts/${cartId}/line-items`, {
      variant_id: await variantId("ACC-FEET-M8"),
      ...patch,
    });

    expect(result.status).toBe(400);
    expect(String(result.json.message)).toMatch(/Invalid request/);
    const { cart } = (await store.store.cart.retrieve(cartId, { fields: "id,*items" })) as unknown as { cart: TCart };
    expect(cart.items).toEqual([]);
  });

  it("refuses a cart without an organisation, and an unknown customer or cart", async () => {
    const customer = await createCustomer();
    expect((await post("/admin/tradepost/carts", { customer_id: customer.id, metadata: {} })).status).toBe(400);
    expect(
      (await post("/admin/tradepost/carts", { customer_id: "cus_missing", metadata: { organisation_id: "x" } })).status,
    ).toBe(404);
    expect(
      (
        await post("/admin/tradepost/carts/cart_missing/line-items", {
          variant_id: "variant_x",
          quantity: 1,
          unit_price: 1,
        })
      ).status,
    ).toBe(404);
  });
});

describe("seed", () => {
  it("is idempotent: a second run creates no rows and keeps the keys", async () => {
    const client = new pg.Client({ connectionString: env.TEST_MEDUSA_DATABASE_URL });
    await client.connect();
    const tables = [
      "product",
      "product_variant",
      "product_category",
      "product_collection",
      "region",
      "sales_channel",
      "api_key",
      "stock_location",
      "shipping_option",
      "fulfillment_set",
      "tax_region",
      "store",
    ];
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => [
            table,
            (await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE deleted_at IS NULL`)).rows[0].n,
          ]),
        ),
      );
    const keysBefore = readFileSync(env.TEST_MEDUSA_KEYS_FILE!, "utf8");
    const before = await counts();

    await seedMedusa({
      databaseUrl: env.TEST_MEDUSA_DATABASE_URL!,
      keys: env.TEST_MEDUSA_KEYS_FILE!,
      secrets: { jwtSecret: env.TEST_MEDUSA_JWT_SECRET!, cookieSecret: env.TEST_MEDUSA_COOKIE_SECRET! },
    });

    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ product: 8, product_collection: 2 });
    expect(readFileSync(env.TEST_MEDUSA_KEYS_FILE!, "utf8")).toBe(keysBefore);
    await client.end();
  }, 120_000);
});
