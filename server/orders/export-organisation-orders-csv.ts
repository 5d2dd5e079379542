import "server-only";
import type { TOrderFilters } from "@/lib/orders/order-filters";
import { ordersCsv } from "@/lib/orders/orders-csv";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { ORDER_LIST_SELECT, toOrderListItem } from "@/server/orders/order-list-item";
import { peopleOf } from "@/server/orders/order-scope";
import { organisationOrdersWhere } from "@/server/orders/organisation-orders-where";

/** More than a year of a busy organisation's orders; past it the export says so in its last row. */
export const CSV_EXPORT_LIMIT = 20_000;

/**
 * The organisation's orders matching `filters` (all pages) as CSV, newest first. Org admins and
 * approvers only (FORBIDDEN otherwise); scoped to the caller's organisation in the query.
 */
export async function exportOrganisationOrdersCsv(
  user: TSessionUser,
  filters: TOrderFilters,
): Promise<{ csv: string; count: number; truncated: boolean }> {
  const { organisationId, where } = await organisationOrdersWhere(user, filters);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: CSV_EXPORT_LIMIT + 1,
    select: ORDER_LIST_SELECT,
  });
  const truncated = rows.length > CSV_EXPORT_LIMIT;
  const kept = rows.slice(0, CSV_EXPORT_LIMIT);
  const people = await peopleOf(
    db,
    organisationId,
    kept.map((row) => row.buyerId),
  );
  let csv = ordersCsv(kept.map((row) => toOrderListItem(row, people)));
  if (truncated) csv += `"Only the newest ${CSV_EXPORT_LIMIT} orders are listed: narrow the dates for the rest."\r\n`;

  return { csv, count: kept.length, truncated };
}
