import "server-only";
import { AppError } from "@/lib/errors";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";
import { ZMedusaRegionResponse, ZMedusaStoreList } from "@/server/medusa/types";

export type TStoreRegion = { regionId: string; currency: string };

/** The region buyers shop in (the store's default region), and so the currency of every price and cart. */
export async function getDefaultRegion(): Promise<TStoreRegion> {
  const { stores } = await callMedusa("admin.store.list", ZMedusaStoreList, () =>
    getMedusaAdmin().admin.store.list({ fields: "id,default_region_id" }),
  );
  const regionId = stores[0]?.default_region_id;
  if (!regionId)
    throw new AppError("UPSTREAM_FAILED", "The store has no default region: set one in Medusa.", undefined, {
      retryable: false,
    });
  const { region } = await callMedusa("admin.region.retrieve", ZMedusaRegionResponse, () =>
    getMedusaAdmin().admin.region.retrieve(regionId, { fields: "id,currency_code" }),
  );

  return { regionId: region.id, currency: region.currency_code.toUpperCase() };
}
