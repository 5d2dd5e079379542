import "server-only";
import type { TConfiguration, TPriceResult } from "@/lib/pricing/types";
import { compileVersion, getCompiledVersion, getLiveVersionRef } from "@/server/pricing/get-live-pricing";
import { loadBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { evaluateBuyerLine } from "@/server/pricing/price-buyer-line";
import { getVersionOrThrow } from "@/server/pricing/version-records";

export type TSimulation = {
  version: { id: string; number: number; result: TPriceResult };
  live: { id: string; number: number; result: TPriceResult } | null;
  categories: string[];
};

/**
 * Prices one line under a version (usually the draft) and under the version live at `at`, side
 * by side, through the buyer's pipeline as a data manager sees it: the product's catalogue facts
 * and the model's SKU choice apply, but a configuration is priced even where no model allows it
 * yet (prices are prepared before models are published). Refusals come back with their reasons.
 */
export async function simulatePrice({
  versionId,
  product,
  sku,
  configuration,
  organisationId,
  quantity,
  at,
}: {
  versionId: string;
  product: string;
  sku: string;
  configuration: TConfiguration;
  organisationId: string;
  quantity: number;
  at: Date;
}): Promise<TSimulation> {
  const version = await getVersionOrThrow(versionId);
  const liveRef = await getLiveVersionRef(version.ruleSet.currency, at);
  const pricing = await loadBuyerPricing({ at, products: [product], ruleSet: compileVersion(version) });
  const request = { organisationId, product, configuration, quantity, sku };
  const draft = evaluateBuyerLine(pricing, request, "data-manager");
  const live = liveRef
    ? evaluateBuyerLine({ ...pricing, ruleSet: await getCompiledVersion(liveRef.id) }, request, "data-manager")
    : null;

  return {
    version: { id: version.id, number: version.number, result: draft.result },
    live: liveRef && live ? { id: liveRef.id, number: liveRef.number, result: live.result } : null,
    categories: pricing.catalog.byHandle.get(product)?.categories.map((category) => category.handle) ?? [],
  };
}
