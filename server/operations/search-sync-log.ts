import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TSyncLogOrder = {
  id: string;
  reference: string;
  organisationName: string;
  poNumber: string | null;
  odooOrderName: string | null;
  medusaOrderId: string | null;
  pushStatus: string;
  placedAt: Date | null;
};

/**
 * The sync log searched by any id an operator may have in hand: our order or organisation id,
 * the order reference (TP-000123), a PO number, a Medusa id, an Odoo id or order name (S00042),
 * a correlation id or a job id. Matching orders are resolved first so that a PO number or an
 * Odoo name finds the runs recorded under the order's own ids. Newest first; read-only.
 */
export async function searchSyncLog({ q, limit = 60 }: { q?: string; limit?: number }) {
  const text = q?.trim() ?? "";
  if (!text) {
    const runs = await db.syncRun.findMany({ orderBy: { startedAt: "desc" }, take: limit });

    return { orders: [] as TSyncLogOrder[], runs };
  }
  const isUuid = UUID.test(text);
  const asInt = /^\d{1,9}$/.test(text) ? Number(text) : null;
  const orders = await db.order.findMany({
    where: {
      OR: [
        ...(isUuid ? [{ id: text }, { organisationId: text }] : []),
        { reference: { equals: text, mode: "insensitive" } },
        { poNumber: { equals: text, mode: "insensitive" } },
        { odooOrderName: { equals: text, mode: "insensitive" } },
        { medusaOrderId: text },
        { medusaCartId: text },
        ...(asInt !== null ? [{ odooOrderId: asInt }] : []),
      ],
    },
    orderBy: { submittedAt: "desc" },
    take: 20,
    select: {
      id: true,
      reference: true,
      poNumber: true,
      odooOrderName: true,
      odooOrderId: true,
      medusaOrderId: true,
      pushStatus: true,
      placedAt: true,
      organisation: { select: { name: true } },
    },
  });
  const links = await db.externalLink.findMany({
    where: { OR: [{ externalId: text }, { localId: text }] },
    select: { localId: true, externalId: true },
    take: 50,
  });
  const localIds = new Set([text, ...orders.map((order) => order.id), ...links.map((link) => link.localId)]);
  const externalIds = new Set([
    text,
    ...links.map((link) => link.externalId),
    ...orders.flatMap((order) => [
      ...(order.odooOrderId !== null ? [String(order.odooOrderId)] : []),
      ...(order.odooOrderName ? [order.odooOrderName] : []),
      ...(order.medusaOrderId ? [order.medusaOrderId] : []),
    ]),
  ]);
  const where: Prisma.SyncRunWhereInput = {
    OR: [
      { localId: { in: [...localIds] } },
      { externalId: { in: [...externalIds] } },
      { correlationId: text },
      ...(isUuid ? [{ jobId: text }] : []),
    ],
  };
  const runs = await db.syncRun.findMany({ where, orderBy: { startedAt: "desc" }, take: limit });

  return {
    orders: orders.map(({ organisation, odooOrderId: _odooId, ...order }) => ({
      ...order,
      organisationName: organisation.name,
    })) satisfies TSyncLogOrder[],
    runs,
  };
}
