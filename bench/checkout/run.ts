// npm run bench:checkout — checkout throughput against a running demo (`npm run demo`): Tradepost's
// checkout (re-validation, restrictions, approvals, one Medusa call, the order and its push job in
// one transaction) against Medusa's standard storefront checkout through @medusajs/js-sdk (email
// and addresses → shipping options → shipping method → payment collection + session → complete),
// from the same filled carts (same lines at the same prices, same customers), at 1, 10 and 25 in
// flight; then the whole path from an empty cart for both, one at a time.
//
// Runs Tradepost's own server code in this process (server-only resolved away by server-only.mjs)
// against the demo's database, Medusa and Odoo, so that Tradepost's own part of a submit (everything
// but the Medusa call) can be measured exactly. Setup, written to the demo's data and left there:
// BENCH_BUYERS buyers of Acme Interiors (bench-checkout-<n>@acme.example), a fixed-price carrier
// "Bench freight" created in Odoo (reconciliation brings it into the cache), stock of the standard line counted up in Odoo; Acme's credit
// limit is lifted for the run (the check still runs) and put back after.
// Env: BENCH_LEVELS (1,10,25), BENCH_ORDERS_PER_SLOT (2 orders per in-flight slot per level, at least BENCH_MIN_ORDERS 8),
// BENCH_WHOLE_PATH (5), DEMO_PASSWORD not needed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import Medusa from "@medusajs/js-sdk";
import { appEnv } from "../../stack/lib/app";
import type { TSessionUser } from "@/server/auth/session";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LEVELS = (process.env.BENCH_LEVELS ?? "1,10,25").split(",").map(Number);
const PER_SLOT = Number(process.env.BENCH_ORDERS_PER_SLOT ?? 2);
const MIN_ORDERS = Number(process.env.BENCH_MIN_ORDERS ?? 8);
const WHOLE_PATH = Number(process.env.BENCH_WHOLE_PATH ?? 5);
const GOAL_RATIO = 2;
const GOAL_OWN_P95_MS = 100;
const CARRIER_NAME = "Bench freight";
const TABLE = {
  product: "made-to-measure-table",
  configuration: { top: "walnut", width_mm: 1800, depth_mm: 800, legs: "oak", cable_port: true },
  quantity: 2,
};
const FEET = { product: "levelling-feet", configuration: {}, quantity: 4 };
const STANDARD_SKU = "ACC-FEET-M8";

const stack = path.join(ROOT, ".stack");
const secrets = JSON.parse(readFileSync(path.join(stack, "secrets.json"), "utf8"));
const keys = JSON.parse(readFileSync(path.join(stack, "medusa-keys-tradepost_medusa.json"), "utf8"));
const ports = {
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

const { db } = await import("@/server/db");
const { addToCart } = await import("@/server/cart/add-to-cart");
const { submitCheckout } = await import("@/server/checkout/submit-checkout");
const { hashPassword } = await import("@/lib/auth/password");
type TUser = TSessionUser;

const store = new Medusa({
  baseUrl: `http://127.0.0.1:${ports.medusa}`,
  publishableKey: keys.publishableKey,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});

// Medusa's share of each of our submits, by cart (the cart read and the checkout call are measured).
const medusaMs = new Map<string, number>();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const cartId = (entry as PerformanceMeasure).detail as { cartId: string } | undefined;
    if (cartId) medusaMs.set(cartId.cartId, (medusaMs.get(cartId.cartId) ?? 0) + entry.duration);
  }
}).observe({ entryTypes: ["measure"] });

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function setup(count: number) {
  const acme = await db.organisation.findUniqueOrThrow({ where: { name: "Acme Interiors" } });
  const customer = await db.erpCustomer.findUnique({ where: { organisationId: acme.id } });
  const address = await db.erpAddress.findFirst({ where: { organisationId: acme.id, type: "delivery" } });
  if (!customer || !address)
    throw new Error("Acme Interiors is not in the ERP cache yet: wait a minute after `npm run demo` started.");
  const carrierId = await ensureOdooCarrier();
  const passwordHash = await hashPassword(`bench-${Math.random()}-unusable`);
  const users: TUser[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `bench-checkout-${index + 1}@acme.example`;
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

async function odoo<T>(model: string, method: string, body: Record<string, unknown>): Promise<T> {
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
async function fillCart(user: TUser): Promise<string> {
  await db.buyerCart.deleteMany({ where: { userId: user.id } });
  await addToCart(user, TABLE);
  await addToCart(user, FEET);
  const row = await db.buyerCart.findUniqueOrThrow({ where: { userId: user.id } });
  await db.buyerCart.delete({ where: { userId: user.id } });

  return row.medusaCartId;
}

async function inPool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const shippingAddress = (address: {
  street: string | null;
  zip: string | null;
  city: string | null;
  countryCode: string | null;
}) => ({
  company: "Acme Interiors GmbH",
  address_1: address.street ?? "",
  postal_code: address.zip ?? "",
  city: address.city ?? "",
  country_code: (address.countryCode ?? "de").toLowerCase(),
});

type TAddress = Parameters<typeof shippingAddress>[0];

/** Medusa's standard storefront checkout on a filled cart (what the official starter does). */
async function standardCheckout(cartId: string, email: string, address: TAddress) {
  const { cart } = await store.store.cart.update(cartId, {
    email,
    shipping_address: shippingAddress(address),
    billing_address: shippingAddress(address),
  });
  const { shipping_options: options } = await store.store.fulfillment.listCartOptions({ cart_id: cartId });
  await store.store.cart.addShippingMethod(cartId, { option_id: options[0]!.id });
  await store.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" });
  const result = await store.store.cart.complete(cartId);
  if (result.type !== "order")
    throw new Error(`standard checkout did not complete: ${JSON.stringify(result).slice(0, 200)}`);
}

type TRun = { seconds: number; latencies: number[]; own: number[]; failures: string[] };

async function measure(
  carts: { cartId: string; user: TUser }[],
  inFlight: number,
  checkout: (item: { cartId: string; user: TUser }) => Promise<number | null>,
  prepare?: (item: { cartId: string; user: TUser }) => Promise<void>,
): Promise<TRun> {
  const latencies: number[] = [];
  const own: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  // One worker per buyer, each checking out its buyer's carts one after the other: `inFlight`
  // checkouts at a time, never two of one buyer (a buyer has one open cart).
  const byUser = new Map<string, { cartId: string; user: TUser }[]>();
  for (const item of carts) byUser.set(item.user.id, [...(byUser.get(item.user.id) ?? []), item]);
  void inFlight;
  await Promise.all(
    [...byUser.values()].map(async (queue) => {
      for (const item of queue) {
        await prepare?.(item);
        const began = performance.now();
        try {
          const medusa = await checkout(item);
          const took = performance.now() - began;
          latencies.push(took);
          if (medusa !== null) own.push(took - medusa);
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );

  return { seconds: (performance.now() - started) / 1000, latencies, own, failures };
}

function line(label: string, run: TRun) {
  const rate = run.latencies.length / run.seconds;
  const own = run.own.length
    ? `; Tradepost's own part p50 ${ms(quantile(run.own, 0.5))}, p95 ${ms(quantile(run.own, 0.95))}`
    : "";
  console.log(
    `  ${label.padEnd(10)} ${run.latencies.length} orders in ${run.seconds.toFixed(1)} s = ${rate.toFixed(2)} orders/s; ` +
      `p50 ${ms(quantile(run.latencies, 0.5))}, p95 ${ms(quantile(run.latencies, 0.95))}${own}` +
      (run.failures.length ? `; ${run.failures.length} FAILED (${run.failures[0]})` : ""),
  );

  return rate;
}

async function main() {
  const maxLevel = Math.max(...LEVELS);
  const { acme, customer, address, users, carrierId } = await setup(maxLevel);
  const limit = customer.creditLimitMinor;
  await db.erpCustomer.update({ where: { organisationId: acme.id }, data: { creditLimitMinor: null } });
  const checkoutInput = (user: TUser) => ({
    checkoutKey: crypto.randomUUID(),
    addressId: address.odooPartnerId,
    carrierId,
    poNumber: `BENCH-${user.email.split("@")[0]}`,
    notes: "",
    requestedDeliveryDate: "",
    acceptedPrices: "",
  });
  // The cart becomes the buyer's open cart just before its submit (not timed).
  const attach = async ({ cartId, user }: { cartId: string; user: TUser }) => {
    await db.buyerCart.deleteMany({ where: { userId: user.id } });
    await db.buyerCart.create({
      data: { userId: user.id, organisationId: acme.id, medusaCartId: cartId, currency: "EUR" },
    });
  };
  const ours = async ({ cartId, user }: { cartId: string; user: TUser }) => {
    const result = await submitCheckout(user, checkoutInput(user));
    if (result.outcome === "refused")
      throw new Error(
        `refused: ${JSON.stringify([result.refusals, result.fieldErrors, result.priceChanges]).slice(0, 300)}`,
      );
    return medusaMs.get(cartId) ?? null;
  };
  const standard = async ({ cartId, user }: { cartId: string; user: TUser }) => {
    await standardCheckout(cartId, user.email, address);
    return null;
  };

  console.log(
    `Checkout at ${process.env.MEDUSA_URL} (Medusa) with Tradepost's code in this process; node ${process.version}.`,
  );
  console.log(
    `Each cart: ${TABLE.quantity} × configured table + ${FEET.quantity} × ${STANDARD_SKU}, shipping to ${address.city}.\n`,
  );
  try {
    for (const level of LEVELS) {
      const count = Math.max(MIN_ORDERS, level * PER_SLOT);
      const fills: number[] = [];
      const slots = Array.from({ length: count }, (_, index) => users[index % level]!);
      const filled: { ours: { cartId: string; user: TUser }[]; standard: { cartId: string; user: TUser }[] } = {
        ours: [],
        standard: [],
      };
      // One filling process per buyer at a time (a buyer has one cart).
      await inPool(users.slice(0, level), Math.min(level, 4), async (user) => {
        for (const slotUser of slots.filter((candidate) => candidate === user)) {
          for (const kind of ["ours", "standard"] as const) {
            const began = performance.now();
            filled[kind].push({ cartId: await fillCart(slotUser), user: slotUser });
            fills.push(performance.now() - began);
          }
        }
      });
      console.log(
        `${level} in flight (${count} orders each, carts filled beforehand; filling one: p50 ${ms(quantile(fills, 0.5))}):`,
      );
      const standardRate = line("standard", await measure(filled.standard, level, standard));
      const ourRate = line("Tradepost", await measure(filled.ours, level, ours, attach));
      const ratio = ourRate / standardRate;
      console.log(
        `  ratio ${ratio.toFixed(2)}× (goal ≥ ${GOAL_RATIO}×: ${ratio >= GOAL_RATIO ? "meets goal" : "MISSES GOAL"})\n`,
      );
    }

    console.log(`Whole path from an empty cart, one at a time (${WHOLE_PATH} orders each):`);
    const user = users[0]!;
    const whole = { standard: [] as number[], ours: [] as number[] };
    const region = (await store.store.region.list({ limit: 1 })).regions[0]!;
    const { products } = (await store.store.product.list({
      handle: ["made-to-measure-table", "levelling-feet"],
      fields: "id,handle,variants.id,variants.sku",
    } as never)) as unknown as { products: { handle: string; variants: { id: string; sku: string | null }[] }[] };
    const variant = (handle: string, sku?: string) => {
      const product = products.find((candidate) => candidate.handle === handle)!;
      return (sku ? product.variants.find((candidate) => candidate.sku === sku) : product.variants[0])!.id;
    };
    for (let index = 0; index < WHOLE_PATH; index += 1) {
      let began = performance.now();
      const { cart } = await store.store.cart.create({ region_id: region.id, email: user.email });
      await store.store.cart.createLineItem(cart.id, {
        variant_id: variant("made-to-measure-table", "TBL-ATELIER-WALNUT"),
        quantity: 2,
      });
      await store.store.cart.createLineItem(cart.id, { variant_id: variant("levelling-feet"), quantity: 4 });
      await standardCheckout(cart.id, user.email, address);
      whole.standard.push(performance.now() - began);

      began = performance.now();
      await db.buyerCart.deleteMany({ where: { userId: user.id } });
      await addToCart(user, TABLE);
      await addToCart(user, FEET);
      const result = await submitCheckout(user, checkoutInput(user));
      if (result.outcome === "refused") throw new Error("whole path: refused");
      whole.ours.push(performance.now() - began);
    }
    for (const kind of ["standard", "ours"] as const)
      console.log(
        `  ${(kind === "ours" ? "Tradepost" : "standard").padEnd(10)} p50 ${ms(quantile(whole[kind], 0.5))}, ` +
          `max ${ms(Math.max(...whole[kind]))} = ${(1000 / quantile(whole[kind], 0.5)).toFixed(2)} orders/s at 1 in flight`,
      );
  } finally {
    await db.erpCustomer.update({ where: { organisationId: acme.id }, data: { creditLimitMinor: limit } });
    await db.$disconnect();
  }
  console.log(
    `\nGoal: Tradepost's own part p95 ≤ ${GOAL_OWN_P95_MS} ms; Tradepost ≥ ${GOAL_RATIO}× the standard orders/s at every level.`,
  );
  process.exit(0);
}

await main();
