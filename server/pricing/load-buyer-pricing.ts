import "server-only";
import type { TCompiledRuleSet } from "@/lib/pricing/compile";
import { loadCatalog, type TCatalog } from "@/server/catalog/load-catalog";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import { findPublishedModels, type TPublishedModel } from "@/server/configurator/get-published-model";
import { getLivePricing } from "@/server/pricing/get-live-pricing";

/** Everything pricing a line needs, loaded once per request (or per page of cards). */
export type TBuyerPricing = {
  at: Date;
  currency: string;
  catalog: TCatalog;
  /** Published configurator models by product handle (only those asked for, when a list was given). */
  models: Map<string, TPublishedModel>;
  /** The rules to price with: the live version at `at`, unless the caller gave another (the simulator's draft). */
  ruleSet: TCompiledRuleSet | null;
};

/**
 * Loads, side by side, what priceBuyerLine() needs: the store's currency, the catalogue (shared,
 * cached), the published models of `products` (every product when omitted) and the live rules.
 * At most two short queries; the rest comes from process caches.
 */
export async function loadBuyerPricing({
  at = new Date(),
  products,
  ruleSet,
}: { at?: Date; products?: readonly string[]; ruleSet?: TCompiledRuleSet } = {}): Promise<TBuyerPricing> {
  const region = await getStoreRegion();
  const [catalog, models, live] = await Promise.all([
    loadCatalog(),
    findPublishedModels(products),
    ruleSet ?? getLivePricing(region.currency, at),
  ]);

  return { at, currency: region.currency, catalog, models, ruleSet: live };
}
