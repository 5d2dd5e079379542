import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { nextDay, startOfDayIn, type TOrderFilters } from "@/lib/orders/order-filters";
import { hasPermission } from "@/server/auth/permissions";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/**
 * The where clause of the organisation's order list for `filters`: always the caller's
 * organisation (FORBIDDEN without orders.read-own-organisation), dates as calendar days in the
 * organisation's time zone. Shared by the list and its CSV export so they never disagree.
 */
export async function organisationOrdersWhere(
  user: TSessionUser,
  filters: TOrderFilters,
): Promise<{ organisationId: string; timeZone: string; where: Prisma.OrderWhereInput }> {
  if (!hasPermission(user.role, "orders.read-own-organisation"))
    throw new AppError("FORBIDDEN", "Only organisation admins and approvers see the organisation's orders.");
  const organisationId = organisationIdOf(user);
  const { timeZone } = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { timeZone: true },
  });
  const submittedAt: Prisma.DateTimeFilter = {};
  if (filters.from) submittedAt.gte = startOfDayIn(filters.from, timeZone);
  if (filters.to) submittedAt.lt = startOfDayIn(nextDay(filters.to), timeZone);

  return {
    organisationId,
    timeZone,
    where: {
      organisationId,
      ...(filters.buyer ? { buyerId: filters.buyer } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.po ? { poNumber: { contains: filters.po, mode: "insensitive" as const } } : {}),
      ...(filters.from || filters.to ? { submittedAt } : {}),
    },
  };
}
