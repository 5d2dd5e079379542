import "server-only";
import { odooLineText } from "@/lib/orders/plan-shipment-items";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import type { OdooClient } from "@/server/odoo/client";
import { getProductsByIds } from "@/server/odoo/products";
import type { TOdooSaleOrderWithLines } from "@/server/odoo/sale-orders";

type TOurOrder = { id: string; reference: string; organisationId: string };

const LINE_LINK = { system: "ODOO", entityType: "order_line" } as const;

/**
 * After confirmation Odoo is the source of record: quantities changed there, lines added or
 * removed, and what was delivered are written onto our order lines; a change of quantities or
 * lines (not deliveries alone) goes into the order's timeline with before and after, and the
 * order's totals become Odoo's. Lines match by their Odoo line link, else by SKU in position
 * order. Idempotent: the same Odoo order again writes nothing (UNCHANGED).
 */
export async function applyOdooOrderChanges(
  client: OdooClient,
  order: TOurOrder,
  odoo: TOdooSaleOrderWithLines,
): Promise<TSyncResult> {
  const goods = odoo.lines.filter((line) => !line.isNote && !line.isDelivery);
  const productIds = [...new Set(goods.flatMap((line) => (line.productId ? [line.productId] : [])))];
  const [products, ours, links] = await Promise.all([
    productIds.length ? getProductsByIds(client, productIds) : [],
    db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { position: "asc" } }),
    db.externalLink.findMany({ where: { ...LINE_LINK, externalId: { in: goods.map((line) => String(line.id)) } } }),
  ]);
  const skuOf = (productId: number | null) => products.find((p) => p.id === productId)?.sku ?? "";
  const nameOf = (productId: number | null) => products.find((p) => p.id === productId)?.name ?? null;
  const unmatched = new Set(ours.map((line) => line.id));
  const pairs = goods.map((odooLine) => {
    const linkedId = links.find((link) => link.externalId === String(odooLine.id))?.localId;
    const ourLine =
      ours.find((line) => line.id === linkedId && unmatched.has(line.id)) ??
      ours.find((line) => unmatched.has(line.id) && line.sku === skuOf(odooLine.productId));
    if (ourLine) unmatched.delete(ourLine.id);

    return { odooLine, ourLine };
  });

  const before = ours.map((line) => ({ sku: line.sku, title: line.title, quantity: line.quantity }));
  const updates: { id: string; quantity: number; lineTotalMinor: number; deliveredQuantity: number }[] = [];
  const additions = pairs.filter((pair) => !pair.ourLine).map((pair) => pair.odooLine);
  let linesChanged = additions.length > 0;
  for (const { odooLine, ourLine } of pairs) {
    if (!ourLine) continue;
    const quantity = Math.round(odooLine.quantity);
    const deliveredQuantity = Math.round(odooLine.quantityDelivered);
    if (quantity !== ourLine.quantity) linesChanged = true;
    if (quantity !== ourLine.quantity || deliveredQuantity !== ourLine.deliveredQuantity)
      updates.push({ id: ourLine.id, quantity, lineTotalMinor: odooLine.subtotalMinor, deliveredQuantity });
  }
  const removed = ours.filter((line) => unmatched.has(line.id) && line.quantity !== 0);
  if (removed.length) linesChanged = true;
  if (!updates.length && !additions.length && !removed.length) return { outcome: "UNCHANGED", localId: order.id };

  await db.$transaction(async (tx) => {
    for (const { id, ...data } of updates) await tx.orderLine.update({ where: { id }, data });
    for (const line of removed)
      await tx.orderLine.update({ where: { id: line.id }, data: { quantity: 0, lineTotalMinor: 0 } });
    let position = Math.max(0, ...ours.map((line) => line.position));
    for (const line of additions) {
      const created = await tx.orderLine.create({
        data: {
          orderId: order.id,
          position: ++position,
          sku: skuOf(line.productId),
          title: odooLineText(line.description, nameOf(line.productId)).title,
          description: odooLineText(line.description, nameOf(line.productId)).detail,
          quantity: Math.round(line.quantity),
          deliveredQuantity: Math.round(line.quantityDelivered),
          unitPriceMinor: line.unitPriceMinor,
          lineTotalMinor: line.subtotalMinor,
          breakdown: { source: "odoo", odooLineId: line.id },
        },
      });
      await tx.externalLink.create({ data: { ...LINE_LINK, localId: created.id, externalId: String(line.id) } });
    }
    if (!linesChanged) return;
    const shippingMinor = odoo.lines.filter((line) => line.isDelivery).reduce((sum, l) => sum + l.subtotalMinor, 0);
    await tx.order.update({
      where: { id: order.id },
      data: {
        subtotalMinor: odoo.amountUntaxedMinor - shippingMinor,
        shippingMinor,
        taxMinor: odoo.amountTaxMinor,
        totalMinor: odoo.amountTotalMinor,
      },
    });
    const after = await tx.orderLine.findMany({ where: { orderId: order.id }, orderBy: { position: "asc" } });
    await recordAudit(tx, {
      actor: { system: "odoo" },
      action: "order.changed-in-odoo",
      entityType: "order",
      entityId: order.id,
      organisationId: order.organisationId,
      before: { lines: before },
      after: {
        odooOrder: odoo.name,
        lines: after.map((line) => ({ sku: line.sku, title: line.title, quantity: line.quantity })),
      },
    });
  });

  return {
    outcome: "CHANGED",
    summary: linesChanged
      ? `${order.reference}: lines changed in Odoo (${odoo.name})`
      : `${order.reference}: delivered quantities`,
    localId: order.id,
  };
}
