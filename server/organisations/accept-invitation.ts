import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import { checkAcceptInvitation, type ZAcceptInvitationInput } from "@/lib/validation/members";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { getInvitationByToken } from "@/server/organisations/get-invitation-by-token";
import type { z } from "zod";

const STATE_MESSAGE = {
  invalid: "This invitation link is not valid. Ask your organisation's administrator for a new invitation.",
  expired: "This invitation has expired. Ask your organisation's administrator to send it again.",
  revoked: "This invitation was withdrawn. Ask your organisation's administrator for a new one.",
  used: "This invitation was used already. Sign in with the password you chose.",
} as const;

/**
 * Accepts an invitation: creates the member's account with the invited email, role and limit, the
 * name and password given (checked against the password rules), and marks the invitation used —
 * in one transaction, with a conditional claim, so two accepts of one link create one account.
 * Trusts nothing but the signed token. Audited as the new member.
 */
export async function acceptInvitation(
  input: z.infer<typeof ZAcceptInvitationInput>,
  now = new Date(),
): Promise<{ email: string }> {
  const view = await getInvitationByToken(input.token, now);
  if (view.state !== "pending") throw new AppError("INVALID_STATE", STATE_MESSAGE[view.state]);
  const checked = checkAcceptInvitation(input, view.email);
  if (!checked.success) {
    throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", toFieldErrors(checked.error));
  }
  const passwordHash = await hashPassword(checked.data.password);

  try {
    return await db.$transaction(async (tx) => {
      // The claim: of concurrent accepts, only one sets usedAt; the others match no row.
      const claimed = await tx.invitation.updateMany({
        where: { id: view.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count === 0) throw new AppError("INVALID_STATE", STATE_MESSAGE.used);
      const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: view.id } });
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: checked.data.name,
          passwordHash,
          role: invitation.role,
          organisationId: invitation.organisationId,
          spendingLimitMinor: invitation.spendingLimitMinor,
          spendingLimitPeriod: invitation.spendingLimitPeriod,
        },
        select: { id: true, email: true, role: true },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
      await recordAudit(tx, {
        actor: { id: user.id, email: user.email },
        action: "invitation.accepted",
        entityType: "user",
        entityId: user.id,
        organisationId: invitation.organisationId,
        after: {
          invitationId: invitation.id,
          role: user.role,
          spendingLimitMinor: invitation.spendingLimitMinor,
          spendingLimitPeriod: invitation.spendingLimitPeriod,
        },
      });

      return { email: user.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("INVALID_STATE", "This email address has a Tradepost account already. Sign in instead.");
    }
    throw error;
  }
}
