import "server-only";
import type { TOrderFilters } from "@/lib/orders/order-filters";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { ORDER_LIST_SELECT, toOrderListItem, type TOrderPage } from "@/server/orders/order-list-item";
import { ORDER_PAGE_SIZE, peopleOf } from "@/server/orders/order-scope";
import { organisationOrdersWhere } from "@/server/orders/organisation-orders-where";

export type TOrganisationOrders = TOrderPage & {
  /** Everyone of the organisation who could have placed an order, for the buyer filter. */
  buyers: { id: string; name: string }[];
  timeZone: string;
};

/**
 * Every order of the caller's organisation (sales-rep orders included) matching `filters`,
 * newest first, one page at a time. Org admins and approvers only (FORBIDDEN otherwise).
 */
export async function findOrganisationOrders(user: TSessionUser, filters: TOrderFilters): Promise<TOrganisationOrders> {
  const { organisationId, timeZone, where } = await organisationOrdersWhere(user, filters);
  const [total, buyers] = await Promise.all([
    db.order.count({ where }),
    db.user.findMany({
      where: { organisationId, role: { in: ["BUYER", "APPROVER", "ORG_ADMIN"] } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / ORDER_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * ORDER_PAGE_SIZE,
    take: ORDER_PAGE_SIZE,
    select: ORDER_LIST_SELECT,
  });
  const people = await peopleOf(
    db,
    organisationId,
    rows.map((row) => row.buyerId),
  );

  return { orders: rows.map((row) => toOrderListItem(row, people)), page, pageCount, total, buyers, timeZone };
}
