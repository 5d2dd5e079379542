import "server-only";
import { isAppError } from "@/lib/errors";
import { readQuickOrder, type TQuickOrderProblem } from "@/lib/cart/quick-order";
import type { TSessionUser } from "@/server/auth/session";
import { addToCart } from "@/server/cart/add-to-cart";
import { loadCatalog } from "@/server/catalog/load-catalog";
import { getPublishedModel } from "@/server/configurator/get-published-model";

export type TQuickOrderResult = { added: { row: number; sku: string; title: string; quantity: number; unitPrice: number; currency: string }[]; rejected: TQuickOrderProblem[] };

/**
 * Adds every valid row to the buyer's cart at the organisation's price and lists each
 * rejected row with its reason (unknown SKU, made-to-order product, bad quantity, no price).
 */
export async function quickOrder(user: TSessionUser, text: string): Promise<TQuickOrderResult> {
  const { rows, problems } = readQuickOrder(text);
  const catalog = await loadCatalog();
  const result: TQuickOrderResult = { added: [], rejected: [...problems] };
  for (const row of rows) {
    const entry = catalog.find((product) => product.variants.some((variant) => variant.sku.toLowerCase() === row.sku.toLowerCase()));
    if (!entry) {
      result.rejected.push({ row: row.row, sku: row.sku, reason: "No product has this SKU." });
      continue;
    }
    if (entry.configurable || (await getPublishedModel(entry.handle))) {
      result.rejected.push({ row: row.row, sku: row.sku, reason: `${entry.title} is made to order: configure it on its page.` });
      continue;
    }
    const sku = entry.variants.find((variant) => variant.sku.toLowerCase() === row.sku.toLowerCase())!.sku;
    try {
      const added = await addToCart(user, { product: entry.handle, configuration: {}, quantity: row.quantity, sku });
      result.added.push({ row: row.row, sku, title: entry.title, quantity: row.quantity, unitPrice: added.unitPrice, currency: added.currency });
    } catch (error) {
      if (!isAppError(error) || error.code === "UPSTREAM_FAILED") throw error;
      result.rejected.push({ row: row.row, sku, reason: error.message });
    }
  }
  result.rejected.sort((a, b) => a.row - b.row);

  return result;
}
