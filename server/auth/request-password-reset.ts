import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/lib/errors";
import { hashLinkToken, linkTokenFor } from "@/server/auth/link-token";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { hitRateLimit } from "@/server/integrations/rate-limit";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { enqueue } from "@/server/jobs/enqueue";
import { logger } from "@/server/logger";

export const PASSWORD_RESET_TTL_MINUTES = 60;
/** Requests per minute per email address and per client address (counted whether or not the email exists). */
const PER_EMAIL_PER_MINUTE = 3;
const PER_IP_PER_MINUTE = 30;
/** Reset emails one account receives per hour at most; more requests are answered the same and dropped. */
const EMAILS_PER_HOUR = 3;
/** Every answer takes at least this long, so the time taken does not tell whether the email exists. */
const MIN_ANSWER_MS = 400;

/**
 * Emails a password-reset link when `email` belongs to an active account; answers the same either
 * way (no email enumeration: the same result, the same rate limits, a time floor). The link is
 * single use and expires after an hour; a new request leaves older links working until then.
 */
export async function requestPasswordReset({ email, ip }: { email: string; ip: string }): Promise<{ sent: true }> {
  const started = Date.now();
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`password-reset:email:${email}`, PER_EMAIL_PER_MINUTE, 60),
    hitRateLimit(`password-reset:ip:${ip}`, PER_IP_PER_MINUTE, 60),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    const seconds = Math.max(
      byEmail.allowed ? 0 : byEmail.retryAfterSeconds,
      byIp.allowed ? 0 : byIp.retryAfterSeconds,
    );
    throw new AppError("LIMIT_EXCEEDED", `Too many requests. Try again in ${seconds} seconds.`);
  }
  try {
    await issueResetLink(email);
  } finally {
    await sleep(Math.max(0, MIN_ANSWER_MS - (Date.now() - started)));
  }

  return { sent: true };
}

async function issueResetLink(email: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, isActive: true, organisation: { select: { status: true } } },
  });
  if (!user?.isActive || user.organisation?.status === "SUSPENDED") return;
  const recent = await db.passwordResetToken.count({
    where: { userId: user.id, createdAt: { gt: new Date(Date.now() - 3_600_000) } },
  });
  if (recent >= EMAILS_PER_HOUR) {
    logger.warn({ userId: user.id }, "password reset not sent: hourly cap reached");

    return;
  }
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { id, userId: user.id, tokenHash: hashLinkToken(linkTokenFor("password-reset", id)), expiresAt },
    });
    await recordAudit(tx, {
      actor: { system: "password-reset" },
      action: "user.password-reset-requested",
      entityType: "user",
      entityId: user.id,
      after: { expiresAt: expiresAt.toISOString() },
    });
    await enqueue(tx, sendEmailJob, {
      template: "password-reset",
      to: email,
      data: { resetId: id, name: user.name, expiresAt: expiresAt.toISOString() },
    });
  });
}
