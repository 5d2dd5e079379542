import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

type TTx = Prisma.TransactionClient;

/**
 * Serialises changes to one organisation's members (roles, activation, invitations) for the rest
 * of the transaction, so two admins demoting each other at once cannot leave none.
 */
export async function lockOrganisationMembers(tx: TTx, organisationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`organisation-members:${organisationId}`}, 0))`;
}

/** Refuses a change that would leave the organisation without an active org admin (call under the lock). */
export async function assertAnotherActiveAdmin(tx: TTx, organisationId: string, userId: string): Promise<void> {
  const others = await tx.user.count({
    where: { organisationId, role: "ORG_ADMIN", isActive: true, id: { not: userId } },
  });
  if (others === 0) {
    throw new AppError(
      "INVALID_STATE",
      "This is the organisation's last active org admin. Make another member org admin first.",
    );
  }
}

/** A member of the organisation (tenant scope in the query): NOT_FOUND for any other id. */
export async function getMemberOrThrow(tx: TTx, organisationId: string, userId: string) {
  const member = await tx.user.findFirst({
    where: { id: userId, organisationId, role: { in: ["BUYER", "APPROVER", "ORG_ADMIN"] } },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      isActive: true,
      spendingLimitMinor: true,
      spendingLimitPeriod: true,
    },
  });
  if (!member) throw new AppError("NOT_FOUND", "No such member in your organisation.");

  return member;
}
