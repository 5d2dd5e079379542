import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { TLoginFailure } from "@/lib/validation/auth";
import { ZLoginInput } from "@/lib/validation/auth";
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";

export class SignInRefused extends Error {
  override readonly name = "SignInRefused";

  constructor(
    readonly reason: TLoginFailure,
    readonly retryAfterMinutes?: number,
  ) {
    super(retryAfterMinutes ? `${reason}:${retryAfterMinutes}` : reason);
  }
}

export type TSignedInUser = { id: string; email: string; name: string; role: Role; organisationId: string | null };

/**
 * Checks an email and password. Refuses (SignInRefused) malformed input without writing
 * anything, and rate-limits failures per email and per IP; every checked attempt is
 * recorded in LoginAttempt (a refused one is not, so hammering does not extend a lockout).
 * On success, stamps `lastLoginAt`.
 */
export async function signInWithPassword({ input, ip }: { input: unknown; ip: string }): Promise<TSignedInUser> {
  const parsed = ZLoginInput.safeParse(input);
  if (!parsed.success) throw new SignInRefused("INVALID_INPUT");
  const { email, password } = parsed.data;

  // The attempt is recorded (as a failure) BEFORE the limits are counted, so parallel requests
  // see each other: the n-th concurrent attempt counts at least n-1 others and, beyond the limit,
  // is refused before the password is checked. Counting first and recording after the check let
  // 20 parallel guesses all through. (An advisory lock would serialise too, but holds a pooled
  // connection per waiting request for the whole bcrypt check.)
  const attempt = await db.loginAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
  const retryAfterMinutes = await getLockoutMinutes({ email, ip, ownAttemptId: attempt.id });
  if (retryAfterMinutes) {
    await db.loginAttempt.delete({ where: { id: attempt.id } });
    logger.warn({ email, ip }, "sign-in refused: too many failures");
    throw new SignInRefused("RATE_LIMITED", retryAfterMinutes);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      organisationId: true,
      isActive: true,
      passwordHash: true,
      organisation: { select: { status: true } },
    },
  });
  // An unknown email is checked against a hash too, so it takes as long as a wrong password.
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  const refusal: TLoginFailure | null =
    !user || !passwordMatches
      ? "WRONG_CREDENTIALS"
      : !user.isActive
        ? "ACCOUNT_INACTIVE"
        : user.organisation?.status === "SUSPENDED"
          ? "ORGANISATION_SUSPENDED"
          : null;

  if (refusal || !user) {
    logger.info({ email, ip, reason: refusal }, "sign-in refused");
    throw new SignInRefused(refusal ?? "WRONG_CREDENTIALS");
  }

  await db.$transaction([
    db.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
  ]);
  logger.info({ userId: user.id, role: user.role }, "signed in");

  return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
}

/** Minutes until the email or IP may try again, or 0 when neither is locked out; the caller's own attempt is not counted. */
async function getLockoutMinutes({
  email,
  ip,
  ownAttemptId,
}: {
  email: string;
  ip: string;
  ownAttemptId: string;
}): Promise<number> {
  const env = getEnv();
  const windowMs = env.LOGIN_LOCKOUT_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const [emailFailures, ipFailures] = await Promise.all([
    recentFailures({
      where: { email },
      ownAttemptId,
      since: lastSuccess?.at ?? since,
      take: env.LOGIN_MAX_FAILURES_PER_EMAIL,
    }),
    recentFailures({ where: { ip }, ownAttemptId, since, take: env.LOGIN_MAX_FAILURES_PER_IP }),
  ]);
  const lockedUntil = Math.max(
    lockedUntilMs(emailFailures, env.LOGIN_MAX_FAILURES_PER_EMAIL, windowMs),
    lockedUntilMs(ipFailures, env.LOGIN_MAX_FAILURES_PER_IP, windowMs),
  );

  return lockedUntil > Date.now() ? Math.ceil((lockedUntil - Date.now()) / 60_000) : 0;
}

type TFailureQuery = { where: { email: string } | { ip: string }; ownAttemptId: string; since: Date; take: number };

async function recentFailures({ where, ownAttemptId, since, take }: TFailureQuery) {
  return db.loginAttempt.findMany({
    where: { ...where, id: { not: ownAttemptId }, succeeded: false, at: { gte: since } },
    orderBy: { at: "desc" },
    take,
    select: { at: true },
  });
}

// Locked while the last `max` failures all fall inside the window: until the oldest of them leaves it.
function lockedUntilMs(failures: { at: Date }[], max: number, windowMs: number): number {
  const oldest = failures[max - 1];

  return oldest ? oldest.at.getTime() + windowMs : 0;
}
