import "server-only";
import { readQuickOrder, type TQuickOrderProblem } from "@/lib/cart/quick-order";
import { isAppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { addToCart } from "@/server/cart/add-to-cart";
import { loadCatalog } from "@/server/catalog/load-catalog";
import { findPublishedModels } from "@/server/configurator/get-published-model";

export type TQuickOrderResult = {
  added: { row: number; sku: string; title: string; quantity: number; unitPrice: number; currency: string }[];
  rejected: TQuickOrderProblem[];
};

/**
 * Adds every valid row to the buyer's cart at the organisation's price and lists each
 * rejected row with its reason (unknown SKU, made-to-order product, bad quantity, no price).
 */
export async function quickOrder(user: TSessionUser, text: string): Promise<TQuickOrderResult> {
  const { rows, problems } = readQuickOrder(text);
  const [catalog, models] = await Promise.all([loadCatalog(), findPublishedModels()]);
  const result: TQuickOrderResult = { added: [], rejected: [...problems] };
  for (const row of rows) {
    const wanted = row.sku.toLowerCase();
    const product = catalog.products.find((item) =>
      item.variants.some((variant) => variant.sku?.toLowerCase() === wanted),
    );
    const sku = product?.variants.find((variant) => variant.sku?.toLowerCase() === wanted)?.sku;
    if (!product || !sku) {
      result.rejected.push({ row: row.row, sku: row.sku, reason: "No product has this SKU." });
      continue;
    }
    if (product.isConfigurable || models.has(product.handle)) {
      result.rejected.push({
        row: row.row,
        sku: row.sku,
        reason: `${product.title} is made to order: configure it on its page.`,
      });
      continue;
    }
    try {
      const added = await addToCart(user, { product: product.handle, configuration: {}, quantity: row.quantity, sku });
      result.added.push({
        row: row.row,
        sku,
        title: product.title,
        quantity: row.quantity,
        unitPrice: added.unitPrice,
        currency: added.currency,
      });
    } catch (error) {
      if (!isAppError(error) || error.code === "UPSTREAM_FAILED") throw error;
      result.rejected.push({ row: row.row, sku, reason: error.message });
    }
  }
  result.rejected.sort((a, b) => a.row - b.row);

  return result;
}
