// The Medusa backend in stack/medusa, running for real: the custom admin routes Tradepost
// uses for price-locked carts, and the idempotent seed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Medusa from "@medusajs/js-sdk";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { seedMedusa } from "./lib/medusa";

const env = process.env as Record<string, string>;
const admin = new Medusa({
  baseUrl: env.MEDUSA_URL!,
  apiKey: env.MEDUSA_SECRET_API_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});
const store = new Medusa({
  baseUrl: env.MEDUSA_URL!,
  publishableKey: env.MEDUSA_PUBLISHABLE_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});

type TCart = {
  id: string;
  customer_id: string;
  currency_code: string;
  metadata: Record<string, unknown>;
  items: {
    variant_id: string;
    quantity: number;
    unit_price: number;
    is_custom_price: boolean;
    metadata: Record<string, unknown>;
  }[];
};

async function createCustomer() {
  const { customer } = await admin.admin.customer.create({
    email: `buyer-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@test.example`,
  });

  return customer;
}

async function variantId(sku: string): Promise<string> {
  const { products } = (await store.store.product.list({ fields: "id,*variants", limit: 50 })) as {
    products: { variants?: { id: string; sku: string | null }[] }[];
  };
  const variant = products.flatMap((product) => product.variants ?? []).find((candidate) => candidate.sku === sku);
  if (!variant) throw new Error(`variant ${sku} not seeded`);

  return variant.id;
}

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

async function call(
  method: string,
  route: string,
  body?: unknown,
  authorization: string | null = basic(env.MEDUSA_SECRET_API_KEY!),
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization) headers.authorization = authorization;
  const response = await fetch(`${env.MEDUSA_URL}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const post = (route: string, body: unknown, auth = true) => call("POST", route, body, auth ? undefined : null);

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

  it("completes a checkout in one call: our prices, metadata and shipping line, the payment authorised", async () => {
    const customer = await createCustomer();
    const cartId = (
      (await post("/admin/tradepost/carts", { customer_id: customer.id, metadata: { organisation_id: "org-b" } })).json
        .cart as TCart
    ).id;
    for (const [sku, quantity] of [
      ["TBL-ATELIER-OAK", 2],
      ["ACC-GROMMET-80", 10],
    ] as const) {
      await post(`/admin/tradepost/carts/${cartId}/line-items`, {
        variant_id: await variantId(sku),
        quantity,
        unit_price: 100,
      });
    }
    const { cart } = (await store.store.cart.retrieve(cartId, { fields: "id,*items" })) as unknown as { cart: TCart };
    const address = { first_name: "Ada", last_name: "Buyer", address_1: "Kai 1", city: "Hamburg", country_code: "de" };
    const checkout = {
      email: customer.email,
      shipping_address: address,
      billing_address: address,
      shipping: { name: "Tradepost freight", amount: 12.9, data: { odoo_carrier_id: 7 } },
      metadata: { tradepost_order_id: "order-1" },
      lines: cart.items.map((item) => ({
        id: (item as unknown as { id: string }).id,
        unit_price: item.variant_id === cart.items[0]!.variant_id ? 1234.56 : 11.2,
        metadata: { checked: true },
      })),
    };

    const placed = await post(`/admin/tradepost/carts/${cartId}/complete`, checkout);
    expect(placed.status).toBe(201);
    const orderId = (placed.json.order as { id: string }).id;
    // Read back through Medusa's admin API, not our route's answer.
    const { order } = (await admin.admin.order.retrieve(orderId, {
      fields:
        "id,total,payment_status,metadata,*items,*shipping_methods,*payment_collections,*payment_collections.payment_sessions,*payment_collections.payments",
    })) as unknown as {
      order: {
        total: number;
        payment_status: string;
        metadata: Record<string, unknown>;
        items: {
          unit_price: number;
          is_custom_price: boolean;
          metadata: Record<string, unknown>;
          tax_lines: unknown[];
        }[];
        shipping_methods: { name: string; amount: number; data: Record<string, unknown> }[];
        payment_collections: {
          status: string;
          amount: number;
          payment_sessions: { status: string; provider_id: string }[];
          payments: { amount: number }[];
        }[];
      };
    };
    expect(order.items.map((item) => item.unit_price).sort((a, b) => a - b)).toEqual(
      checkout.lines.map((line) => line.unit_price).sort((a, b) => a - b),
    );
    expect(order.items.map((item) => item.metadata)).toEqual([{ checked: true }, { checked: true }]);
    expect(order.metadata).toMatchObject({ tradepost_order_id: "order-1" });
    expect(order.shipping_methods).toMatchObject([
      { name: "Tradepost freight", amount: 12.9, data: { odoo_carrier_id: 7 } },
    ]);
    expect(order.payment_status).toBe("authorized");
    expect(order.payment_collections).toHaveLength(1);
    const [collection] = order.payment_collections;
    expect(collection).toMatchObject({ status: "authorized", amount: order.total });
    expect(collection!.payment_sessions).toMatchObject([{ status: "authorized", provider_id: "pp_system_default" }]);
    expect(collection!.payments).toMatchObject([{ amount: order.total }]);

    // The same call again (a lost answer, a double submit) answers with the same order.
    const again = await post(`/admin/tradepost/carts/${cartId}/complete`, checkout);
    expect([again.status, (again.json.order as { id: string }).id, again.json.created]).toEqual([200, orderId, false]);
  });

  it("puts Medusa's taxes on the lines and on our shipping line, and authorises the taxed total", async () => {
    // Denmark: a seeded tax region no other test ships to, given a 25 % rate for this test only.
    const { tax_regions: regions } = await admin.admin.taxRegion.list({ country_code: "dk" });
    const { tax_rate: rate } = await admin.admin.taxRate.create({
      tax_region_id: regions[0]!.id,
      name: "Moms",
      code: "DK25",
      rate: 25,
      is_default: true,
    });
    try {
      const customer = await createCustomer();
      const cartId = (
        (await post("/admin/tradepost/carts", { customer_id: customer.id, metadata: { organisation_id: "org-t" } }))
          .json.cart as TCart
      ).id;
      const added = await post(`/admin/tradepost/carts/${cartId}/line-items`, {
        variant_id: await variantId("TBL-ATELIER-OAK"),
        quantity: 2,
        unit_price: 100,
      });
      const line = (added.json.cart as { items: { id: string }[] }).items[0]!;
      const address = { company: "Hygge ApS", address_1: "Havnegade 1", city: "København", country_code: "dk" };
      const placed = await post(`/admin/tradepost/carts/${cartId}/complete`, {
        email: customer.email,
        shipping_address: address,
        billing_address: address,
        shipping: { name: "Tradepost freight", amount: 40 },
        metadata: {},
        lines: [{ id: line.id, unit_price: 1000, metadata: {} }],
      });
      expect(placed.status).toBe(201);

      const { order } = (await admin.admin.order.retrieve((placed.json.order as { id: string }).id, {
        fields:
          "id,total,tax_total,*items,*items.tax_lines,*shipping_methods,*shipping_methods.tax_lines,*payment_collections",
      })) as unknown as {
        order: {
          total: number;
          tax_total: number;
          items: { tax_lines: { code: string; rate: number }[] }[];
          shipping_methods: { tax_lines: { code: string; rate: number }[] }[];
          payment_collections: { amount: number }[];
        };
      };
      expect(order.items.map((item) => item.tax_lines)).toMatchObject([[{ code: "DK25", rate: 25 }]]);
      expect(order.shipping_methods.map((method) => method.tax_lines)).toMatchObject([[{ code: "DK25", rate: 25 }]]);
      // 2 × 1,000 + 40 shipping, 25 % on all of it.
      expect([order.tax_total, order.total]).toEqual([510, 2550]);
      expect(order.payment_collections).toMatchObject([{ amount: 2550 }]);
    } finally {
      await admin.admin.taxRate.delete(rate.id);
    }
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
