import "server-only";
import type { SpendingPeriod } from "@/generated/prisma/enums";
import { db } from "@/server/db";

export type TInvitationState = "pending" | "expired" | "revoked";

export type TOrganisationInvitation = {
  id: string;
  email: string;
  role: "BUYER" | "APPROVER" | "ORG_ADMIN";
  spendingLimitMinor: number | null;
  spendingLimitPeriod: SpendingPeriod;
  state: TInvitationState;
  expiresAt: Date;
  createdAt: Date;
  invitedByName: string | null;
};

/**
 * The organisation's invitations that still matter: pending ones, and expired or revoked ones of
 * the last 30 days that nobody has re-sent (accepted ones show up as members). Newest first. Read-only.
 */
export async function findOrganisationInvitations({
  organisationId,
  now = new Date(),
}: {
  organisationId: string;
  now?: Date;
}): Promise<TOrganisationInvitation[]> {
  const rows = await db.invitation.findMany({
    where: { organisationId, createdAt: { gt: new Date(now.getTime() - 30 * 86_400_000) } },
    select: {
      id: true,
      email: true,
      role: true,
      spendingLimitMinor: true,
      spendingLimitPeriod: true,
      expiresAt: true,
      revokedAt: true,
      usedAt: true,
      createdAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  // A re-sent invitation revokes its predecessor: show each address once, as its newest invitation.
  const seen = new Set<string>();

  return rows.flatMap(({ invitedBy, revokedAt, usedAt, ...row }) => {
    if (seen.has(row.email)) return [];
    seen.add(row.email);
    if (usedAt) return [];
    const state: TInvitationState = revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "pending";

    return [
      { ...row, role: row.role as TOrganisationInvitation["role"], state, invitedByName: invitedBy?.name ?? null },
    ];
  });
}
