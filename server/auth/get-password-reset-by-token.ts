import "server-only";
import { verifyLinkToken } from "@/server/auth/link-token";
import { db } from "@/server/db";

export type TPasswordResetView =
  | { state: "invalid" }
  | { state: "pending" | "expired" | "used"; id: string; userId: string; email: string; name: string };

/** What a reset link leads to: its state and whose it is. Read-only; a token not ours is "invalid". */
export async function getPasswordResetByToken(token: string, now = new Date()): Promise<TPasswordResetView> {
  const verified = verifyLinkToken("password-reset", token);
  if (!verified) return { state: "invalid" };
  const reset = await db.passwordResetToken.findFirst({
    where: { id: verified.id, tokenHash: verified.tokenHash },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, name: true, isActive: true } },
    },
  });
  if (!reset?.user.isActive) return { state: "invalid" };
  const state = reset.usedAt ? "used" : reset.expiresAt <= now ? "expired" : "pending";

  return { state, id: reset.id, userId: reset.user.id, email: reset.user.email, name: reset.user.name };
}
