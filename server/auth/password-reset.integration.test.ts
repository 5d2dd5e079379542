// Password reset through its actions: the same answer whether or not the email exists, rate
// limits, a single-use expiring link, the new password works and the old one does not.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import "../../test/support/next-request-scope";
import { createOrganisation, createUser, TEST_PASSWORD } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { clearOfWindowEdge } from "../../test/support/rate-limit-window";
import { verifyPassword } from "@/lib/auth/password";
import { requestPasswordResetAction, resetPasswordAction } from "@/server/actions/account-access";
import { linkTokenFor } from "@/server/auth/link-token";
import { stopSender } from "@/server/jobs/enqueue";

const db = testDb();
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

const NEW_PASSWORD = "a brand new passphrase 7";
let user: Awaited<ReturnType<typeof createUser>>;
let organisationId: string;

beforeEach(async () => {
  organisationId = (await createOrganisation(db)).id;
  user = await createUser(db, { role: "BUYER", organisationId, email: `reset-${randomUUID()}@example.com` });
});

const tokensOf = (userId: string) =>
  db.passwordResetToken.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const reset = (token: string, password = NEW_PASSWORD) =>
  resetPasswordAction({ token, password, confirmPassword: password });

describe("password reset", () => {
  it("answers the same for a known and an unknown email; only the known one gets a link and an email job", async () => {
    const known = await requestPasswordResetAction({ email: user.email });
    const unknown = await requestPasswordResetAction({ email: `nobody-${randomUUID()}@example.com` });
    expect(known).toEqual({ ok: true, data: { sent: true } });
    expect(unknown).toEqual(known);
    const [token] = await tokensOf(user.id);
    expect(token?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const jobs = await db.$queryRaw<{ data: { payload: { template: string; to: string } } }[]>`
      SELECT data FROM pgboss.job WHERE name = 'mail.send-email' AND data->'payload'->>'template' = 'password-reset'`;
    expect(jobs.map((job) => job.data.payload.to)).toEqual([user.email]);
  });

  it("limits requests per email whether or not it exists", async () => {
    await clearOfWindowEdge(60, 15); // the limits count per clock minute
    for (const email of [user.email, `nobody-${randomUUID()}@example.com`]) {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await requestPasswordResetAction({ email }));
      expect(results.slice(0, 3).every((result) => result.ok)).toBe(true);
      expect(results[3]).toMatchObject({ ok: false, code: "LIMIT_EXCEEDED" });
    }
    expect(await tokensOf(user.id)).toHaveLength(3);
  });

  it("a link sets the new password once; the old password stops working; reuse and expiry are refused", async () => {
    await requestPasswordResetAction({ email: user.email });
    const [row] = await tokensOf(user.id);
    const token = linkTokenFor("password-reset", row!.id);
    expect(await reset(token, "short")).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    const results = await Promise.all([reset(token), reset(token)]);
    expect(results.filter((result) => result.ok)).toEqual([{ ok: true, data: { email: user.email } }]);
    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    expect(await verifyPassword(NEW_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(TEST_PASSWORD, hash)).toBe(false);
    expect(await reset(token)).toMatchObject({ ok: false, message: expect.stringMatching(/used already/) });
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "user.password-reset" } })).toBe(1);

    await requestPasswordResetAction({ email: user.email });
    const latest = (await tokensOf(user.id)).at(-1)!;
    await db.passwordResetToken.update({ where: { id: latest.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await reset(linkTokenFor("password-reset", latest.id))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });
  });

  it("sends nothing to a deactivated account, with the same answer", async () => {
    const inactive = await createUser(db, { role: "BUYER", organisationId, isActive: false });
    expect(await requestPasswordResetAction({ email: inactive.email })).toEqual({ ok: true, data: { sent: true } });
    expect(await tokensOf(inactive.id)).toHaveLength(0);
  });
});
