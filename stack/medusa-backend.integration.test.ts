// The Medusa backend in stack/medusa, running for real: the custom admin routes Tradepost
// uses for price-locked carts, and the idempotent seed.
import { readFileSync } from "node:fs";
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

async function post(
  path: string,
  body: unknown,
  auth = true,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${env.MEDUSA_SECRET_API_KEY}:`).toString("base64")}`;
  const response = await fetch(`${env.MEDUSA_URL}${path}`, { method: "POST", headers, body: JSON.stringify(body) });

  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
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
