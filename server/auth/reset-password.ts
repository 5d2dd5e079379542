import "server-only";
import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { checkResetPassword, type ZResetPasswordInput } from "@/lib/validation/members";
import { toFieldErrors } from "@/lib/validation/zod-errors";
import { getPasswordResetByToken } from "@/server/auth/get-password-reset-by-token";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";

const STATE_MESSAGE = {
  invalid: "This reset link is not valid. Ask for a new one.",
  expired: "This reset link has expired. Ask for a new one.",
  used: "This reset link was used already. Ask for a new one if you need to.",
} as const;

/**
 * Sets a new password from a reset link (checked against the password rules). Single use under
 * concurrency (conditional claim); every other open reset link of the account stops working too.
 * Audited as the account's owner. Returns the email so the page can sign the person in.
 */
export async function resetPassword(
  input: z.infer<typeof ZResetPasswordInput>,
  now = new Date(),
): Promise<{ email: string }> {
  const view = await getPasswordResetByToken(input.token, now);
  if (view.state !== "pending") throw new AppError("INVALID_STATE", STATE_MESSAGE[view.state]);
  const checked = checkResetPassword(input, { email: view.email, name: view.name });
  if (!checked.success) {
    throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", toFieldErrors(checked.error));
  }
  const passwordHash = await hashPassword(checked.data.password);

  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: view.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw new AppError("INVALID_STATE", STATE_MESSAGE.used);
    await tx.passwordResetToken.updateMany({ where: { userId: view.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: view.userId }, data: { passwordHash } });
    await recordAudit(tx, {
      actor: { id: view.userId, email: view.email },
      action: "user.password-reset",
      entityType: "user",
      entityId: view.userId,
    });

    return { email: view.email };
  });
}
