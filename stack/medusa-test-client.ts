// The Medusa backend's integration tests talk to it as Tradepost does (the secret key on our
// /admin/tradepost routes) and as a storefront does (the publishable key), with these.
import Medusa from "@medusajs/js-sdk";

export const env = process.env as Record<string, string>;
export const admin = new Medusa({
  baseUrl: env.MEDUSA_URL!,
  apiKey: env.MEDUSA_SECRET_API_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});
export const store = new Medusa({
  baseUrl: env.MEDUSA_URL!,
  publishableKey: env.MEDUSA_PUBLISHABLE_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});

export type TCart = {
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

export async function createCustomer() {
  const { customer } = await admin.admin.customer.create({
    email: `buyer-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@test.example`,
  });

  return customer;
}

export async function variantId(sku: string): Promise<string> {
  const { products } = (await store.store.product.list({ fields: "id,*variants", limit: 50 })) as {
    products: { variants?: { id: string; sku: string | null }[] }[];
  };
  const variant = products.flatMap((product) => product.variants ?? []).find((candidate) => candidate.sku === sku);
  if (!variant) throw new Error(`variant ${sku} not seeded`);

  return variant.id;
}

export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

export async function call(
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

export const post = (route: string, body: unknown, auth = true) => call("POST", route, body, auth ? undefined : null);
