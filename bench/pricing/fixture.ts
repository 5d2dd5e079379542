// A realistic, deterministic rule set and workload for the pricing benchmark: 1,000 SKUs
// on 250 configurable products, 200 organisations, > 5,000 rules of every kind, and
// random configured lines. Seeded, so every run prices the same lines.
import { DEFAULT_POLICY, ZPricingRule, type TPricingRule } from "../../lib/pricing/rules";
import type { TPriceRequest } from "../../lib/pricing/types";

export const AT = new Date("2026-12-01T12:00:00Z");
const PRODUCTS = 250;
const SKUS_PER_PRODUCT = 4;
const ORGANISATIONS = 200;
const CATEGORIES = 20;
const FINISHES = ["oak", "walnut", "ash", "black"];

/** mulberry32: small, fast, good enough for workloads. */
export function random(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width = 4) => String(n).padStart(width, "0");
export const productHandle = (p: number) => `product-${pad(p)}`;
export const skuOf = (p: number, s: number) => `SKU-${pad(p)}-${s}`;
export const categoryOf = (p: number) => `category-${pad(p % CATEGORIES, 2)}`;
export const organisationId = (o: number) => `00000000-0000-4000-8000-${pad(o, 12)}`;

export function buildRules(): TPricingRule[] {
  const next = random(42);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const rules: Record<string, unknown>[] = [];
  let id = 0;
  const add = (rule: Record<string, unknown>) => rules.push({ id: `R-${++id}`, ...rule });

  for (let p = 0; p < PRODUCTS; p += 1) {
    const product = productHandle(p);
    for (let s = 0; s < SKUS_PER_PRODUCT; s += 1) {
      const sku = skuOf(p, s);
      add({ kind: "base_price", sku, amount: int(1_000, 250_000) });
      // Half the SKUs have a scheduled price change with a higher priority.
      if (s % 2 === 0)
        add({ kind: "base_price", sku, amount: int(1_000, 250_000), priority: 1, validFrom: "2027-01-01T00:00:00Z" });
    }
    add({
      kind: "surcharge",
      product,
      option: "width_mm",
      mode: "per_unit",
      amount: int(500, 3_000),
      step: 100,
      from: 1_200,
    });
    add({ kind: "surcharge", product, option: "finish", value: "walnut", mode: "fixed", amount: int(2_000, 20_000) });
    add({ kind: "surcharge", product, option: "finish", value: "black", mode: "percent", bps: int(200, 1_500) });
    add({ kind: "surcharge", product, option: "cable_port", mode: "fixed", amount: int(1_000, 6_000) });
    add({
      kind: "surcharge",
      product,
      option: "finish",
      value: "ash",
      mode: "fixed",
      amount: int(1_000, 9_000),
      validTo: "2026-06-30T00:00:00Z",
    });
  }
  for (let o = 0; o < ORGANISATIONS; o += 1) {
    const organisation = organisationId(o);
    add({ kind: "org_discount", organisationId: organisation, scope: { type: "all" }, bps: int(100, 1_500) });
    add({
      kind: "org_discount",
      organisationId: organisation,
      scope: { type: "category", category: categoryOf(o) },
      bps: int(500, 2_500),
      priority: 1,
    });
    add({
      kind: "org_discount",
      organisationId: organisation,
      scope: { type: "category", category: categoryOf(o + 7) },
      bps: int(500, 2_500),
      priority: 2,
    });
    for (let c = 0; c < 8; c += 1)
      add({
        kind: "contract_price",
        organisationId: organisation,
        sku: skuOf(int(0, PRODUCTS - 1), int(0, SKUS_PER_PRODUCT - 1)),
        amount: int(1_000, 200_000),
        priority: c,
      });
  }
  add({ kind: "tier", minQuantity: 10, maxQuantity: 49, mode: "percent", bps: 300 });
  add({ kind: "tier", minQuantity: 50, maxQuantity: 199, mode: "percent", bps: 600 });
  add({ kind: "tier", minQuantity: 200, mode: "percent", bps: 900 });
  for (let p = 0; p < 100; p += 1) {
    add({ kind: "tier", product: productHandle(p), minQuantity: 20, maxQuantity: 99, mode: "percent", bps: 500 });
    add({ kind: "tier", product: productHandle(p), minQuantity: 100, mode: "percent", bps: 800 });
  }
  for (let o = 0; o < 50; o += 1)
    add({ kind: "tier", organisationId: organisationId(o), minQuantity: 25, mode: "percent", bps: 700 });

  return rules.map((rule) => ZPricingRule.parse(rule));
}

export function buildLines(count: number): TPriceRequest[] {
  const next = random(7);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  return Array.from({ length: count }, () => {
    const p = int(0, PRODUCTS - 1);

    return {
      sku: skuOf(p, int(0, SKUS_PER_PRODUCT - 1)),
      product: productHandle(p),
      categories: [categoryOf(p)],
      configuration: { width_mm: int(60, 240) * 10, finish: FINISHES[int(0, 3)]!, cable_port: next() < 0.3 },
      organisationId: organisationId(int(0, ORGANISATIONS - 1)),
      // Most lines are small; some cross tier breaks.
      quantity: next() < 0.7 ? int(1, 9) : int(10, 300),
      at: AT,
    };
  });
}

export const POLICY = DEFAULT_POLICY;
