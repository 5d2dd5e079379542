import "server-only";
import { getStoreRegion } from "@/server/catalog/get-store-region";

/**
 * The currency approval amounts are in: the store's (one currency per store). Rules are also
 * edited while Medusa is unreachable, so the last known default stands in then.
 */
export async function getApprovalCurrency(): Promise<string> {
  try {
    return (await getStoreRegion()).currency.toUpperCase();
  } catch {
    return "EUR";
  }
}
