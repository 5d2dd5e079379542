import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";

/**
 * Revokes a pending invitation of the caller's organisation: its link stops working at once
 * (audited). Idempotent on a revoked one; refused on an accepted one; NOT_FOUND for another
 * organisation's.
 */
export async function revokeInvitation({
  actor,
  organisationId,
  invitationId,
}: {
  actor: TSessionUser;
  organisationId: string;
  invitationId: string;
}): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organisationId },
      select: { id: true, email: true, usedAt: true, revokedAt: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "No such invitation in your organisation.");
    if (invitation.usedAt) throw new AppError("INVALID_STATE", "This invitation was accepted already.");
    if (invitation.revokedAt) return { changed: false };
    // Conditional: an accept racing this revocation wins or loses as a whole, never both.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("INVALID_STATE", "This invitation was accepted already.");
    await recordAudit(tx, {
      actor,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitation.id,
      organisationId,
      before: { email: invitation.email, revoked: false },
      after: { email: invitation.email, revoked: true },
    });

    return { changed: true };
  });
}
