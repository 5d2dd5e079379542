import "server-only";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { ORDER_LIST_SELECT, toOrderListItem, type TOrderPage } from "@/server/orders/order-list-item";
import { ORDER_PAGE_SIZE } from "@/server/orders/order-scope";

/**
 * The orders and approval requests `user` submitted, and the orders the organisation's sales
 * representative placed in Odoo for it (J6: they have no buyer), newest first, one page at a time.
 * Scoped to the caller's organisation inside the query. Reads only.
 */
export async function findOwnOrders(user: TSessionUser, { page = 1 }: { page?: number } = {}): Promise<TOrderPage> {
  const where = {
    organisationId: organisationIdOf(user),
    OR: [{ buyerId: user.id }, { source: "SALES_REP" as const }],
  };
  const total = await db.order.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ORDER_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * ORDER_PAGE_SIZE,
    take: ORDER_PAGE_SIZE,
    select: ORDER_LIST_SELECT,
  });
  const self = new Map([[user.id, { name: user.name, email: user.email }]]);

  return { orders: rows.map((row) => toOrderListItem(row, self)), page: current, pageCount, total };
}
