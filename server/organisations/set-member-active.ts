import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { assertAnotherActiveAdmin, lockOrganisationMembers } from "@/server/organisations/member-guards";

/**
 * Deactivates or reactivates a member of the caller's own organisation (audited). A member
 * of another organisation is NOT_FOUND, whatever its id; admins cannot lock themselves out, and
 * the last active org admin cannot be deactivated. A deactivated member is signed out on their
 * next request (server/auth/session.ts re-reads isActive).
 * Idempotent: setting the current state again changes and audits nothing.
 */
export async function setMemberActive({
  actor,
  organisationId,
  userId,
  isActive,
}: {
  actor: TSessionUser;
  organisationId: string;
  userId: string;
  isActive: boolean;
}): Promise<{ changed: boolean }> {
  if (userId === actor.id && !isActive) throw new AppError("INVALID_STATE", "You cannot deactivate your own account.");

  return db.$transaction(async (tx) => {
    await lockOrganisationMembers(tx, organisationId);
    const member = await tx.user.findFirst({
      where: { id: userId, organisationId },
      select: { id: true, isActive: true, email: true, role: true },
    });
    if (!member) throw new AppError("NOT_FOUND", "No such member in your organisation.");
    if (member.isActive === isActive) return { changed: false };
    if (!isActive && member.role === "ORG_ADMIN") await assertAnotherActiveAdmin(tx, organisationId, member.id);

    await tx.user.update({ where: { id: member.id, organisationId }, data: { isActive } });
    await recordAudit(tx, {
      actor,
      action: isActive ? "member.reactivated" : "member.deactivated",
      entityType: "user",
      entityId: member.id,
      organisationId,
      before: { isActive: member.isActive },
      after: { isActive },
    });

    return { changed: true };
  });
}
