import "server-only";
import { AppError } from "@/lib/errors";
import type { TMemberRole } from "@/lib/validation/members";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import {
  assertAnotherActiveAdmin,
  getMemberOrThrow,
  lockOrganisationMembers,
} from "@/server/organisations/member-guards";

/**
 * Changes a member's role within the caller's organisation (buyer, approver, org admin; audited).
 * The last active org admin cannot be demoted, not even by themselves. Takes effect on the member's
 * next request (roles are read per request). Idempotent; NOT_FOUND for another organisation's member.
 */
export async function changeMemberRole({
  actor,
  organisationId,
  userId,
  role,
}: {
  actor: TSessionUser;
  organisationId: string;
  userId: string;
  role: TMemberRole;
}): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockOrganisationMembers(tx, organisationId);
    const member = await getMemberOrThrow(tx, organisationId, userId);
    if (member.role === role) return { changed: false };
    if (member.role === "ORG_ADMIN" && member.isActive) await assertAnotherActiveAdmin(tx, organisationId, member.id);
    if (!["BUYER", "APPROVER", "ORG_ADMIN"].includes(role)) throw new AppError("INVALID_INPUT", "Unknown role.");

    await tx.user.update({ where: { id: member.id, organisationId }, data: { role } });
    await recordAudit(tx, {
      actor,
      action: "member.role-changed",
      entityType: "user",
      entityId: member.id,
      organisationId,
      before: { role: member.role },
      after: { role },
    });

    return { changed: true };
  });
}
