import "server-only";
import { memoFor } from "@/lib/memo-for";
import { getDefaultRegion, type TStoreRegion } from "@/server/medusa/regions";

export type { TStoreRegion };

/** The store's default region (cached 10 minutes: it changes only when the store is reconfigured). */
export const getStoreRegion = memoFor<TStoreRegion>(10 * 60_000, getDefaultRegion);
