import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { hasPermission } from "@/server/auth/permissions";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";

/**
 * The orders `user` may read, as a where clause for every order query: the whole organisation
 * for org admins and approvers (orders.read-own-organisation); for a buyer (orders.read-own) their
 * own orders and the ones the organisation's sales representative placed in Odoo (they have no
 * buyer, and J6 shows them in the buyer's history); nothing for staff or anyone else. An order
 * outside it reads as not found.
 */
export function readableOrders(user: TSessionUser): Prisma.OrderWhereInput {
  if (!user.organisationId) return { id: { in: [] } };
  const organisationId = organisationIdOf(user);
  if (hasPermission(user.role, "orders.read-own-organisation")) return { organisationId };
  if (hasPermission(user.role, "orders.read-own"))
    return { organisationId, OR: [{ buyerId: user.id }, { source: "SALES_REP" }] };

  return { id: { in: [] } };
}

export const ORDER_PAGE_SIZE = 25;

/** Names and emails of the people an order list mentions, read within the organisation only. */
export async function peopleOf(
  tx: Pick<Prisma.TransactionClient, "user">,
  organisationId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, { name: string; email: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const users = await tx.user.findMany({
    where: { id: { in: wanted }, organisationId },
    select: { id: true, name: true, email: true },
  });

  return new Map(users.map((user) => [user.id, { name: user.name, email: user.email }]));
}
