// The checkout bench's driver, shared with the soak (bench/soak): the demo's settings (read from
// .stack/, as `npm run demo` wrote them) put in this process's environment, Tradepost's server code
// loaded against them, and the setup a checkout needs — buyers of Acme Interiors, a fixed-price
// carrier in Odoo, stock counted up — with filling a cart the Tradepost way and its submit input.
// Load with `tsx --import ./bench/checkout/server-only.mjs` (server-only resolved away).
import { readFileSync } from "node:fs";
import path from "node:path";
import { appEnv } from "../../stack/lib/app";
import type { TSessionUser } from "@/server/auth/session";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const CARRIER_NAME = "Bench freight";
export const TABLE = {
  product: "made-to-measure-table",
  configuration: { top: "walnut", width_mm: 1800, depth_mm: 800, legs: "oak", cable_port: true },
  quantity: 2,
};
export const FEET = { product: "levelling-feet", configuration: {}, quantity: 4 };
export const STANDARD_SKU = "ACC-FEET-M8";

const stack = path.join(ROOT, ".stack");
export const secrets = JSON.parse(readFileSync(path.join(stack, "secrets.json"), "utf8"));
export const keys = JSON.parse(readFileSync(path.join(stack, "medusa-keys-tradepost_medusa.json"), "utf8"));
export const ports = {
  app: 3000,
  medusa: Number(process.env.MEDUSA_PORT ?? 9000),
  odoo: Number(process.env.ODOO_PORT ?? 8069),
  smtp: 2525,
};
const databaseUrl =
  process.env.BENCH_DATABASE_URL ??
  `postgresql://postgres:${secrets.postgresPassword}@127.0.0.1:${process.env.PG_PORT ?? 54329}/tradepost`;
Object.assign(process.env, appEnv({ databaseUrl, ports, keys, secrets, requirePricingApproval: false }), {
  LOG_LEVEL: "error",
  // The standard checkout (js-sdk) waits for Medusa however long it takes; so does ours here.
  MEDUSA_TIMEOUT_MS: "120000",
});

export const { db } = await import("@/server/db");
export const { addToCart } = await import("@/server/cart/add-to-cart");
export const { submitCheckout } = await import("@/server/checkout/submit-checkout");
const { hashPassword } = await import("@/lib/auth/password");
export type TUser = TSessionUser;

/** Acme Interiors with its cached customer and address, `count` buyers (`<prefix>-<n>@acme.example`), the carrier. */
export async function setup(count: number, prefix = "bench-checkout") {
  const acme = await db.organisation.findUniqueOrThrow({ where: { name: "Acme Interiors" } });
  const customer = await db.erpCustomer.findUnique({ where: { organisationId: acme.id } });
  const address = await db.erpAddress.findFirst({ where: { organisationId: acme.id, type: "delivery" } });
  if (!customer || !address)
    throw new Error("Acme Interiors is not in the ERP cache yet: wait a minute after `npm run demo` started.");
  const carrierId = await ensureOdooCarrier();
  const passwordHash = await hashPassword(`bench-${Math.random()}-unusable`);
  const users: TUser[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `${prefix}-${index + 1}@acme.example`;
    const user = await db.user.upsert({
      where: { email },
      create: { email, name: `Bench buyer ${index + 1}`, role: "BUYER", organisationId: acme.id, passwordHash },
      update: {},
    });
    users.push({
      id: user.id,
      email,
      name: user.name,
      role: "BUYER",
      organisationId: acme.id,
      organisationName: acme.name,
    });
  }
  await countStockUp();
  const approvalRules = await db.approvalRule.count({ where: { organisationId: acme.id, active: true } });
  if (approvalRules)
    console.log(`note: Acme has ${approvalRules} active approval rule(s); orders that match become approval requests.`);

  return { acme, customer, address, users, carrierId };
}

/** A JSON-2 call to the demo's Odoo (the emulator) with its API key. */
export async function odoo<T>(model: string, method: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${ports.odoo}/json/2/${model}/${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `bearer ${secrets.odooApiKey}`,
      "x-odoo-database": "tradepost",
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Odoo ${model}.${method}: HTTP ${response.status} ${await response.text()}`);

  return (await response.json()) as T;
}

/** A fixed-price carrier in Odoo (found by name or created), once it is in the ERP cache. */
async function ensureOdooCarrier(): Promise<number> {
  let [carrierId] = await odoo<number[]>("delivery.carrier", "search", { domain: [["name", "=", CARRIER_NAME]] });
  if (!carrierId) {
    const [product] = await odoo<number[]>("product.product", "create", {
      vals_list: [{ name: CARRIER_NAME, type: "service", sale_ok: false }],
    });
    [carrierId] = await odoo<number[]>("delivery.carrier", "create", {
      vals_list: [{ name: CARRIER_NAME, delivery_type: "fixed", fixed_price: 45, product_id: product }],
    });
  }
  for (let waited = 0; waited < 120; waited += 1) {
    if (await db.erpCarrier.count({ where: { odooCarrierId: carrierId, active: true } })) return carrierId!;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`Carrier ${CARRIER_NAME} did not reach the ERP cache within 120 s (is the worker running?)`);
}

/** Plenty of the standard line in Odoo (the stock webhook brings it into the cache). */
async function countStockUp() {
  const response = await fetch(`http://127.0.0.1:${ports.odoo}/__emulator/actions/stock`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secrets.odooEmulatorAdminToken}` },
    body: JSON.stringify({ defaultCode: STANDARD_SKU, quantity: 100_000 }),
  });
  if (!response.ok) throw new Error(`Counting stock in the emulator failed: HTTP ${response.status}`);
  for (let waited = 0; waited < 90; waited += 1) {
    const stock = await db.erpStock.aggregate({ where: { sku: STANDARD_SKU }, _sum: { available: true } });
    if (Number(stock._sum.available ?? 0) >= 10_000) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${STANDARD_SKU} stock did not reach the ERP cache within 90 s (is the worker running?)`);
}

/** Fills a fresh cart for `user` the Tradepost way and detaches it from the buyer; returns its id. */
export async function fillCart(user: TUser): Promise<string> {
  await db.buyerCart.deleteMany({ where: { userId: user.id } });
  await addToCart(user, TABLE);
  await addToCart(user, FEET);
  const row = await db.buyerCart.findUniqueOrThrow({ where: { userId: user.id } });
  await db.buyerCart.delete({ where: { userId: user.id } });

  return row.medusaCartId;
}

/** Makes the filled cart `cartId` the buyer's open cart again (not timed: it is the bench's doing). */
export async function attachCart(organisationId: string, { cartId, user }: { cartId: string; user: TUser }) {
  await db.buyerCart.deleteMany({ where: { userId: user.id } });
  await db.buyerCart.create({ data: { userId: user.id, organisationId, medusaCartId: cartId, currency: "EUR" } });
}

/** What the checkout form submits: the cached address, the carrier, a PO number of the buyer. */
export const checkoutInput = (user: TUser, { addressId, carrierId }: { addressId: number; carrierId: number }) => ({
  checkoutKey: crypto.randomUUID(),
  addressId,
  carrierId,
  poNumber: `BENCH-${user.email.split("@")[0]}`,
  notes: "",
  requestedDeliveryDate: "",
  acceptedPrices: "",
});
