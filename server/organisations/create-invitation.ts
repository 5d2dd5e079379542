import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { TInviteMemberInput } from "@/lib/validation/members";
import { hashLinkToken, linkTokenFor } from "@/server/auth/link-token";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { enqueue } from "@/server/jobs/enqueue";

export const INVITATION_TTL_DAYS = 7;

export type TInvitationTerms = {
  email: string;
  role: TInviteMemberInput["role"];
  spendingLimitMinor: number | null;
  spendingLimitPeriod: TInviteMemberInput["spendingLimitPeriod"];
};

/**
 * Writes an invitation, its audit row and the job that emails it (shared with resending, whose
 * audit row names the invitation it replaces as its "before").
 */
export async function createInvitation(
  tx: Prisma.TransactionClient,
  {
    actor,
    organisationId,
    terms,
    action,
    replaces,
  }: {
    actor: TSessionUser;
    organisationId: string;
    terms: TInvitationTerms;
    action: string;
    replaces?: { invitationId: string; expiresAt: Date };
  },
): Promise<{ invitationId: string }> {
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true },
  });
  await tx.invitation.create({
    data: {
      id,
      organisationId,
      email: terms.email,
      role: terms.role,
      spendingLimitMinor: terms.spendingLimitMinor,
      spendingLimitPeriod: terms.spendingLimitPeriod,
      tokenHash: hashLinkToken(linkTokenFor("invitation", id)),
      expiresAt,
      invitedById: actor.id,
    },
  });
  await recordAudit(tx, {
    actor,
    action,
    entityType: "invitation",
    entityId: id,
    organisationId,
    before: replaces ? { invitationId: replaces.invitationId, expiresAt: replaces.expiresAt.toISOString() } : null,
    after: { ...terms, expiresAt: expiresAt.toISOString() },
  });
  await enqueue(tx, sendEmailJob, {
    template: "invitation",
    to: terms.email,
    data: {
      invitationId: id,
      organisationName: organisation.name,
      inviterName: actor.name,
      role: terms.role,
      expiresAt: expiresAt.toISOString(),
    },
  });

  return { invitationId: id };
}
