import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";

// The region buyers shop in (the store's default region) and so the currency every price
// and cart is in. Cached: it changes only when the store is reconfigured.

const ZStores = z.object({ stores: z.array(z.object({ default_region_id: z.string().nullish() })) });
const ZRegion = z.object({ region: z.object({ id: z.string(), currency_code: z.string().length(3) }) });
const CACHE_MS = 10 * 60_000;

export type TStoreRegion = { regionId: string; currency: string };
let cached: { at: number; region: TStoreRegion } | undefined;

export async function getStoreRegion(): Promise<TStoreRegion> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.region;
  const { stores } = await callMedusa("admin.store.list", ZStores, () => getMedusaAdmin().admin.store.list({ fields: "id,default_region_id" }));
  const regionId = stores[0]?.default_region_id;
  if (!regionId) throw new AppError("UPSTREAM_FAILED", "The store has no default region: set one in Medusa.");
  const { region } = await callMedusa("admin.region.retrieve", ZRegion, () => getMedusaAdmin().admin.region.retrieve(regionId, { fields: "id,currency_code" }));
  cached = { at: Date.now(), region: { regionId: region.id, currency: region.currency_code.toUpperCase() } };

  return cached.region;
}
