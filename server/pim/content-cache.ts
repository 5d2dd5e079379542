import "server-only";
import type { TProductContent } from "@/lib/pim/types";

// Product content kept per (SKUs, locale) in this process, with a bound. On globalThis: Next
// bundles route handlers and pages apart, and the webhook route must expire what pages read.

type TEntry = { at: number; value: TProductContent | null; failed: boolean; skus: readonly string[] };
type TStore = { entries: Map<string, TEntry>; generation: number };

const MAX_ENTRIES = 1_000;
const store: TStore = ((globalThis as { __tradepostPimCache?: TStore }).__tradepostPimCache ??= {
  entries: new Map(),
  generation: 0,
});

export const contentCacheKey = (skus: readonly string[], locale: string) => `${locale}:${skus.join(",")}`;

export function readCachedContent(key: string): TEntry | undefined {
  return store.entries.get(key);
}

/** The generation to pass to writeCachedContent: a write begun before an expiry is dropped. */
export const currentGeneration = () => store.generation;

export function writeCachedContent(key: string, entry: TEntry, generation: number): void {
  if (generation !== store.generation) return;
  store.entries.delete(key);
  if (store.entries.size >= MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!);
  store.entries.set(key, entry);
}

/** Forgets what is cached for a SKU (every locale), or everything when the SKU is not known. */
export function expireProductContent(sku?: string): number {
  store.generation += 1;
  let dropped = 0;
  for (const [key, entry] of store.entries) {
    if (sku === undefined || entry.skus.includes(sku)) {
      store.entries.delete(key);
      dropped += 1;
    }
  }

  return dropped;
}

export const cachedContentCount = () => store.entries.size;
export { MAX_ENTRIES as CONTENT_CACHE_MAX_ENTRIES };
