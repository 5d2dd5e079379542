import "server-only";
import { priceLine } from "@/lib/pricing/evaluate";
import type { TConfiguration, TPriceResult } from "@/lib/pricing/types";
import { compileVersion, getCompiledVersion, getLiveVersionRef } from "@/server/pricing/get-live-pricing";
import { loadPricingCatalog } from "@/server/pricing/load-catalog-facts";
import { getVersionOrThrow } from "@/server/pricing/version-records";

export type TSimulation = {
  version: { id: string; number: number; result: TPriceResult };
  live: { id: string; number: number; result: TPriceResult } | null;
  categories: string[];
};

/** Prices one configured line under a version (usually the draft) and under the version live at `at`, side by side. */
export async function simulatePrice({ versionId, product, sku, configuration, organisationId, quantity, at }: { versionId: string; product: string; sku: string; configuration: TConfiguration; organisationId: string; quantity: number; at: Date }): Promise<TSimulation> {
  const version = await getVersionOrThrow(versionId);
  const { facts } = await loadPricingCatalog();
  const categories = facts.products.find((item) => item.handle === product)?.categories ?? [];
  const request = { sku, product, categories, configuration, organisationId, quantity, at };
  const liveRef = await getLiveVersionRef(version.ruleSet.currency, at);

  return {
    version: { id: version.id, number: version.number, result: priceLine(compileVersion(version), request) },
    live: liveRef ? { id: liveRef.id, number: liveRef.number, result: priceLine(await getCompiledVersion(liveRef.id), request) } : null,
    categories,
  };
}
