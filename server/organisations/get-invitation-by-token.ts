import "server-only";
import { verifyLinkToken } from "@/server/auth/link-token";
import { db } from "@/server/db";

export type TInvitationView =
  | { state: "invalid" }
  | {
      state: "pending" | "expired" | "revoked" | "used";
      id: string;
      organisationId: string;
      email: string;
      role: "BUYER" | "APPROVER" | "ORG_ADMIN";
      organisationName: string;
      expiresAt: Date;
    };

/**
 * What an invitation link leads to, for the accept page: its state and terms. A token that is
 * not ours, or whose hash matches no row, is "invalid" (the page says so without detail). Read-only.
 */
export async function getInvitationByToken(token: string, now = new Date()): Promise<TInvitationView> {
  const verified = verifyLinkToken("invitation", token);
  if (!verified) return { state: "invalid" };
  const invitation = await db.invitation.findFirst({
    where: { id: verified.id, tokenHash: verified.tokenHash },
    select: {
      id: true,
      organisationId: true,
      email: true,
      role: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      organisation: { select: { name: true, status: true } },
    },
  });
  if (!invitation || invitation.organisation.status !== "ACTIVE") return { state: "invalid" };
  const state = invitation.usedAt
    ? "used"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= now
        ? "expired"
        : "pending";

  return {
    state,
    id: invitation.id,
    organisationId: invitation.organisationId,
    email: invitation.email,
    role: invitation.role as "BUYER" | "APPROVER" | "ORG_ADMIN",
    organisationName: invitation.organisation.name,
    expiresAt: invitation.expiresAt,
  };
}
