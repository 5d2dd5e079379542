import "server-only";
import { AppError } from "@/lib/errors";
import type { TInviteMemberInput } from "@/lib/validation/members";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { hitRateLimit } from "@/server/integrations/rate-limit";
import { createInvitation } from "@/server/organisations/create-invitation";
import { lockOrganisationMembers } from "@/server/organisations/member-guards";
import { getOrganisationCurrency, parseSpendingLimit } from "@/server/organisations/organisation-currency";

/** Invitations one admin may send per minute (sending is what a stolen admin session would abuse). */
const INVITES_PER_MINUTE = 10;

/**
 * Invites someone to the caller's organisation by email, with role and spending limit (audited).
 * Refuses an email that already has an account or a pending invitation here (resend that one).
 * The email is sent by a job after commit. Rate-limited per admin.
 */
export async function inviteMember({
  actor,
  organisationId,
  input,
}: {
  actor: TSessionUser;
  organisationId: string;
  input: TInviteMemberInput;
}): Promise<{ invitationId: string }> {
  await assertInviteRate(actor.id);
  const spendingLimitMinor = parseSpendingLimit(input.spendingLimit, await getOrganisationCurrency(organisationId));
  const terms = { ...input, spendingLimitMinor };

  return db.$transaction(async (tx) => {
    await lockOrganisationMembers(tx, organisationId);
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Please correct the highlighted fields.", {
        email: ["This email address already has a Tradepost account."],
      });
    }
    const pending = await tx.invitation.findFirst({
      where: { organisationId, email: input.email, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending) {
      throw new AppError("CONFLICT", "Please correct the highlighted fields.", {
        email: ["This address already has a pending invitation: resend or revoke it below."],
      });
    }

    return createInvitation(tx, { actor, organisationId, terms, action: "invitation.created" });
  });
}

async function assertInviteRate(actorId: string): Promise<void> {
  const hit = await hitRateLimit(`invite:${actorId}`, INVITES_PER_MINUTE, 60);
  if (!hit.allowed) {
    throw new AppError(
      "LIMIT_EXCEEDED",
      `Too many invitations at once. Try again in ${hit.retryAfterSeconds} seconds.`,
    );
  }
}
