// What a buyer reads about a SKU's availability, from the cached ERP stock (sums over internal
// locations). A configurable product is built per order, so its stock says nothing. When nothing is
// available but goods are on hand, they are reserved for other orders: they come back as those
// orders ship or are cancelled ("Back in stock soon"); with nothing on hand at all it is out of stock.

export type TStockTotals = { onHand: number; available: number };

export type TAvailability =
  | { kind: "made_to_order"; label: "Made to order" }
  | { kind: "in_stock"; label: string; available: number }
  | { kind: "back_soon"; label: "Back in stock soon" }
  | { kind: "out_of_stock"; label: "Out of stock" };

const QUANTITY = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** The availability of one SKU; `totals` null: no stock row at all (Odoo has no quant for it). Pure. */
export function describeAvailability({
  configurable,
  totals,
}: {
  configurable: boolean;
  totals: TStockTotals | null;
}): TAvailability {
  if (configurable) return { kind: "made_to_order", label: "Made to order" };
  const available = totals?.available ?? 0;
  if (available > 0) return { kind: "in_stock", label: `In stock: ${QUANTITY.format(available)}`, available };
  if ((totals?.onHand ?? 0) > 0) return { kind: "back_soon", label: "Back in stock soon" };

  return { kind: "out_of_stock", label: "Out of stock" };
}
