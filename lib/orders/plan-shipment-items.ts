// Which Medusa order lines a delivery from Odoo fulfils, and how many of each: a product with
// our SKU matches the line of that variant; anything else (a custom line, e.g. a product Medusa
// does not sell) matches a line without a variant by its title, Odoo's line description. Never more than a line still has unfulfilled, so a
// backorder's delivery takes what the first delivery left.

export type TShipmentLine = { sku: string | null; title: string; quantity: number };
export type TFulfillableItem = {
  id: string;
  title: string;
  sku: string | null;
  quantity: number;
  fulfilledQuantity: number;
};
export type TPlannedItem = { lineItemId: string; quantity: number };

export function planShipmentItems(items: TFulfillableItem[], lines: TShipmentLine[]): TPlannedItem[] {
  const left = new Map(items.map((item) => [item.id, Math.max(0, item.quantity - item.fulfilledQuantity)]));
  const planned = new Map<string, number>();
  for (const line of lines) {
    let wanted = line.quantity;
    const bySku = line.sku ? items.filter((item) => item.sku === line.sku) : [];
    const candidates = bySku.length ? bySku : items.filter((item) => !item.sku && item.title === line.title);
    for (const item of candidates) {
      if (wanted <= 0) break;
      const take = Math.min(wanted, left.get(item.id) ?? 0);
      if (take <= 0) continue;
      left.set(item.id, (left.get(item.id) ?? 0) - take);
      planned.set(item.id, (planned.get(item.id) ?? 0) + take);
      wanted -= take;
    }
  }

  return [...planned].map(([lineItemId, quantity]) => ({ lineItemId, quantity }));
}

/**
 * How an Odoo order line reads here: the product's name (Odoo prefixes its line text with
 * "[SKU] name"), else the text's first line; the rest of the text (the sales description) apart.
 * The same rule names custom Medusa lines and the lines of a delivery, so they match by title.
 */
export function odooLineText(
  description: string | null,
  productName: string | null,
): { title: string; detail: string } {
  const [first = "", ...rest] = (description ?? "").split("\n");

  return { title: productName?.trim() || first.trim() || "Item", detail: rest.join("\n").trim() };
}
