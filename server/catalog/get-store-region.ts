import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { memoFor } from "@/lib/memo-for";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";

// The region buyers shop in (the store's default region) and so the currency every price
// and cart is in. Cached: it changes only when the store is reconfigured.

const ZStores = z.object({ stores: z.array(z.object({ default_region_id: z.string().nullish() })) });
const ZRegion = z.object({ region: z.object({ id: z.string(), currency_code: z.string().length(3) }) });
const CACHE_MS = 10 * 60_000;

export type TStoreRegion = { regionId: string; currency: string };

export const getStoreRegion = memoFor(CACHE_MS, async (): Promise<TStoreRegion> => {
  const { stores } = await callMedusa("admin.store.list", ZStores, () => getMedusaAdmin().admin.store.list({ fields: "id,default_region_id" }));
  const regionId = stores[0]?.default_region_id;
  if (!regionId) throw new AppError("UPSTREAM_FAILED", "The store has no default region: set one in Medusa.");
  const { region } = await callMedusa("admin.region.retrieve", ZRegion, () => getMedusaAdmin().admin.region.retrieve(regionId, { fields: "id,currency_code" }));

  return { regionId: region.id, currency: region.currency_code.toUpperCase() };
});
