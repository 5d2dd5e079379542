import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { hitRateLimit } from "@/server/integrations/rate-limit";
import { createInvitation } from "@/server/organisations/create-invitation";
import { lockOrganisationMembers } from "@/server/organisations/member-guards";

/**
 * Sends an invitation again with a fresh link and expiry: the old one is revoked and a new one,
 * with the same terms, takes its place (audited), so only the newest email's link works. An
 * invitation that was accepted cannot be resent; one of another organisation is NOT_FOUND.
 */
export async function resendInvitation({
  actor,
  organisationId,
  invitationId,
}: {
  actor: TSessionUser;
  organisationId: string;
  invitationId: string;
}): Promise<{ invitationId: string }> {
  const hit = await hitRateLimit(`invite:${actor.id}`, 10, 60);
  if (!hit.allowed)
    throw new AppError(
      "LIMIT_EXCEEDED",
      `Too many invitations at once. Try again in ${hit.retryAfterSeconds} seconds.`,
    );

  return db.$transaction(async (tx) => {
    await lockOrganisationMembers(tx, organisationId);
    const old = await tx.invitation.findFirst({ where: { id: invitationId, organisationId } });
    if (!old) throw new AppError("NOT_FOUND", "No such invitation in your organisation.");
    if (old.usedAt) throw new AppError("INVALID_STATE", "This invitation was accepted already.");
    if (await tx.user.findUnique({ where: { email: old.email }, select: { id: true } })) {
      throw new AppError("INVALID_STATE", "This email address has a Tradepost account by now.");
    }
    if (!old.revokedAt) await tx.invitation.update({ where: { id: old.id }, data: { revokedAt: new Date() } });

    return createInvitation(tx, {
      actor,
      organisationId,
      terms: {
        email: old.email,
        role: old.role as "BUYER" | "APPROVER" | "ORG_ADMIN",
        spendingLimitMinor: old.spendingLimitMinor,
        spendingLimitPeriod: old.spendingLimitPeriod,
      },
      action: "invitation.resent",
      replaces: { invitationId: old.id, expiresAt: old.expiresAt },
    });
  });
}
