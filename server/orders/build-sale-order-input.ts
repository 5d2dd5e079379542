import "server-only";
import type { TOdooSaleOrderWithLines, TSaleOrderInput } from "@/server/odoo/sale-orders";

export type TOrderForSaleOrder = {
  reference: string;
  poNumber: string | null;
  notes: string | null;
  requestedDeliveryDate: Date | null;
  shippingMinor: number;
  lines: {
    position: number;
    sku: string;
    title: string;
    description: string;
    quantity: number;
    unitPriceMinor: number;
  }[];
};

export type TSaleOrderRefs = {
  partnerId: number;
  shippingAddressId?: number;
  paymentTermId?: number;
  productIdsBySku: ReadonlyMap<string, number>;
  carrier?: { carrierId: number; productId: number; name: string };
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Odoo's `note` is HTML ("Terms and conditions", printed on the order): the PO number and the
 * buyer's notes go there as paragraphs. `client_order_ref` is taken by our reference (the key
 * of look-up-before-create), so the PO also goes to `origin`, the source document Odoo shows in lists.
 */
function noteOf(order: TOrderForSaleOrder): string | undefined {
  const paragraphs = [
    ...(order.poNumber ? [`PO number: ${order.poNumber}`] : []),
    ...(order.notes ? order.notes.split(/\r?\n/).filter((line) => line.trim()) : []),
  ];

  return paragraphs.length ? paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("") : undefined;
}

/** The sale order Odoo must hold for one of our orders: our prices on every line, explicitly. */
export function buildSaleOrderInput(order: TOrderForSaleOrder, refs: TSaleOrderRefs): TSaleOrderInput {
  const note = noteOf(order);

  return {
    clientOrderRef: order.reference,
    partnerId: refs.partnerId,
    ...(refs.shippingAddressId ? { shippingAddressId: refs.shippingAddressId } : {}),
    ...(refs.paymentTermId ? { paymentTermId: refs.paymentTermId } : {}),
    ...(order.poNumber ? { origin: `PO ${order.poNumber}` } : {}),
    ...(note ? { note } : {}),
    ...(order.requestedDeliveryDate ? { commitmentDate: order.requestedDeliveryDate } : {}),
    ...(refs.carrier ? { carrier: { ...refs.carrier, priceMinor: order.shippingMinor } } : {}),
    lines: [...order.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        productId: refs.productIdsBySku.get(line.sku)!,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        description: line.description.trim() || line.title,
      })),
  };
}

/**
 * How Odoo's copy differs from what we sent: per line (in creation order) the product, quantity,
 * unit price and subtotal, then the untaxed amount. Empty when Odoo holds our prices exactly.
 */
export function findPriceDifferences(input: TSaleOrderInput, odoo: TOdooSaleOrderWithLines): string[] {
  const expected = [
    ...input.lines.map((line) => ({ ...line, label: `product ${line.productId}` })),
    ...(input.carrier
      ? [
          {
            productId: input.carrier.productId,
            quantity: 1,
            unitPriceMinor: input.carrier.priceMinor,
            label: "delivery",
          },
        ]
      : []),
  ];
  const actual = odoo.lines.filter((line) => !line.isNote).sort((a, b) => a.id - b.id);
  const differences: string[] = [];
  if (actual.length !== expected.length) differences.push(`${actual.length} lines in Odoo, ${expected.length} sent`);
  expected.forEach((line, index) => {
    const theirs = actual[index];
    if (!theirs) return;
    const subtotal = line.quantity * line.unitPriceMinor;
    if (theirs.productId !== line.productId) differences.push(`line ${index + 1}: product ${theirs.productId}`);
    if (theirs.quantity !== line.quantity) differences.push(`line ${index + 1}: quantity ${theirs.quantity}`);
    if (theirs.unitPriceMinor !== line.unitPriceMinor || theirs.subtotalMinor !== subtotal)
      differences.push(
        `line ${index + 1} (${line.label}): unit price ${theirs.unitPriceMinor}, subtotal ${theirs.subtotalMinor}; ` +
          `ours ${line.unitPriceMinor}, ${subtotal} (minor units)`,
      );
  });
  const untaxed = expected.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  if (odoo.amountUntaxedMinor !== untaxed)
    differences.push(`untaxed amount ${odoo.amountUntaxedMinor} in Odoo, ours ${untaxed} (minor units)`);

  return differences;
}
