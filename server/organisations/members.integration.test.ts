// Organisation administration through the server actions an org admin's page calls: invitations
// (email through the real mail catcher, signed single-use links, expiry, revocation, resend,
// concurrent accepts), roles with the last-admin guard, spending limits, audit rows, and the
// cross-tenant matrix: another organisation's ids are NOT_FOUND and change nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { linkIn, waitForEmail } from "../../test/support/mail-inbox";
import { verifyPassword } from "@/lib/auth/password";
import { acceptInvitationAction } from "@/server/actions/account-access";
import {
  changeMemberRoleAction,
  changeSpendingLimitAction,
  inviteMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  setMemberActiveAction,
} from "@/server/actions/organisation-members";
import { linkTokenFor } from "@/server/auth/link-token";
import { stopSender } from "@/server/jobs/enqueue";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { runJob } from "@/server/jobs/run-job";
import { closeMailTransport } from "@/server/mail/transport";

const db = testDb();
afterAll(async () => {
  closeMailTransport();
  await stopSender();
  await db.$disconnect();
});

let a: Awaited<ReturnType<typeof createOrganisationWithMembers>>;
let b: Awaited<ReturnType<typeof createOrganisationWithMembers>>;

beforeEach(async () => {
  [a, b] = await Promise.all([createOrganisationWithMembers(db), createOrganisationWithMembers(db)]);
  signInAs(null);
});

const PASSWORD = "a sound passphrase 42";
const newEmail = () => `invitee-${randomUUID()}@example.com`;
const mailJobsTo = (to: string) =>
  db.$queryRaw<{ id: string; data: { payload: { template: string; data: Record<string, unknown> } } }[]>`
    SELECT id, data FROM pgboss.job WHERE name = ${sendEmailJob.name} AND data->'payload'->>'to' = ${to}`;

async function invite(email = newEmail(), extra: Record<string, string> = {}) {
  signInAs(a.admin);
  const result = await inviteMemberAction({
    email,
    role: "BUYER",
    spendingLimit: "",
    spendingLimitPeriod: "MONTH",
    ...extra,
  });
  if (!result.ok) throw new Error(`invite failed: ${JSON.stringify(result)}`);
  signInAs(null);

  return { email, invitationId: result.data.invitationId, token: linkTokenFor("invitation", result.data.invitationId) };
}

const accept = (token: string, name = "Ina Invitee") =>
  acceptInvitationAction({ token, name, password: PASSWORD, confirmPassword: PASSWORD });

describe("invitations", () => {
  it("invite → email in the catcher → its link creates the member with role and limit, audited", async () => {
    const email = newEmail();
    signInAs(a.admin);
    const invited = await inviteMemberAction({
      email: email.toUpperCase(),
      role: "APPROVER",
      spendingLimit: "2500.50",
      spendingLimitPeriod: "WEEK",
    });
    expect(invited.ok).toBe(true);
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation).toMatchObject({
      organisationId: a.organisation.id,
      role: "APPROVER",
      spendingLimitMinor: 250050,
    });
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    // The queued email carries the invitation id, never the token; the worker signs the link.
    const [job] = await mailJobsTo(email);
    expect(job?.data.payload).toMatchObject({ template: "invitation", data: { invitationId: invitation.id } });
    expect(JSON.stringify(job?.data)).not.toContain(linkTokenFor("invitation", invitation.id).split(".")[1]);
    expect((await runJob(sendEmailJob, { id: job!.id, data: job!.data })).status).toBe("completed");
    const mail = await waitForEmail(email, /invited to/);
    const token = decodeURIComponent(new URL(linkIn(mail, "/invite/")).pathname.split("/").pop()!);

    signInAs(null);
    expect(await accept(token)).toEqual({ ok: true, data: { email } });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      name: "Ina Invitee",
      role: "APPROVER",
      organisationId: a.organisation.id,
      spendingLimitMinor: 250050,
      spendingLimitPeriod: "WEEK",
      isActive: true,
    });
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      acceptedUserId: user.id,
    });
    const actions = await db.auditLog.findMany({
      where: { organisationId: a.organisation.id },
      select: { action: true },
    });
    expect(actions.map((row) => row.action).sort()).toEqual(["invitation.accepted", "invitation.created"]);
  });

  it("a link works once, also under concurrency: two parallel accepts create one account", async () => {
    const { email, token } = await invite();
    const results = await Promise.all([accept(token, "First"), accept(token, "Second")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await accept(token)).toMatchObject({ ok: false, message: expect.stringMatching(/used already/) });
  });

  it("an expired, a revoked and a forged link say so and create nothing", async () => {
    const expired = await invite();
    await db.invitation.update({
      where: { id: expired.invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await accept(expired.token)).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });

    const revoked = await invite();
    signInAs(a.admin);
    expect(await revokeInvitationAction({ invitationId: revoked.invitationId })).toEqual({
      ok: true,
      data: { changed: true },
    });
    signInAs(null);
    expect(await accept(revoked.token)).toMatchObject({ ok: false, message: expect.stringMatching(/withdrawn/) });

    const forged = `${revoked.invitationId}.${"A".repeat(43)}`;
    expect(await accept(forged)).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
    expect(await db.user.count({ where: { email: { in: [expired.email, revoked.email] } } })).toBe(0);
  });

  it("resend revokes the old link and emails a new one with the same terms", async () => {
    const first = await invite(newEmail(), { role: "ORG_ADMIN", spendingLimit: "100" });
    signInAs(a.admin);
    const resent = await resendInvitationAction({ invitationId: first.invitationId });
    expect(resent.ok).toBe(true);
    const second = resent.ok ? resent.data.invitationId : "";
    expect(await db.invitation.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      email: first.email,
      role: "ORG_ADMIN",
      spendingLimitMinor: 10000,
      revokedAt: null,
    });
    expect(await mailJobsTo(first.email)).toHaveLength(2);
    signInAs(null);
    expect((await accept(first.token)).ok).toBe(false);
    expect((await accept(linkTokenFor("invitation", second))).ok).toBe(true);
  });

  it("refuses an email that has an account or a pending invitation, and a malformed limit, on the field", async () => {
    signInAs(a.admin);
    const base = { role: "BUYER", spendingLimit: "", spendingLimitPeriod: "MONTH" };
    expect(await inviteMemberAction({ ...base, email: b.buyer.email })).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/already has a Tradepost account/)] },
    });
    const { email } = await invite();
    signInAs(a.admin);
    expect(await inviteMemberAction({ ...base, email })).toMatchObject({
      fieldErrors: { email: [expect.stringMatching(/pending invitation/)] },
    });
    expect(await inviteMemberAction({ ...base, email: newEmail(), spendingLimit: "12,345.6.7" })).toMatchObject({
      fieldErrors: { spendingLimit: [expect.any(String)] },
    });
    expect(await inviteMemberAction({ ...base, email: "not-an-email" })).toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
  });

  it("password rules are checked on accept, field by field", async () => {
    const { email, token } = await invite();
    const result = await acceptInvitationAction({ token, name: "", password: "short", confirmPassword: "other" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { name: [expect.any(String)] } });
    const weak = await acceptInvitationAction({ token, name: "Ina", password: "short", confirmPassword: "other" });
    expect(weak).toMatchObject({
      fieldErrors: {
        password: [expect.stringMatching(/at least 12 characters/)],
        confirmPassword: [expect.any(String)],
      },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("roles, limits and the last org admin", () => {
  it("the last active org admin cannot demote or deactivate themselves; with a second admin they can", async () => {
    signInAs(a.admin);
    expect(await changeMemberRoleAction({ userId: a.admin.id, role: "BUYER" })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message: expect.stringMatching(/last active org admin/),
    });
    expect(await setMemberActiveAction({ userId: a.admin.id, isActive: false })).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.admin.id } })).role).toBe("ORG_ADMIN");

    expect(await changeMemberRoleAction({ userId: a.buyer.id, role: "ORG_ADMIN" })).toEqual({
      ok: true,
      data: { changed: true },
    });
    expect(await changeMemberRoleAction({ userId: a.admin.id, role: "APPROVER" })).toEqual({
      ok: true,
      data: { changed: true },
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: a.admin.id, action: "member.role-changed" },
    });
    expect(audit).toMatchObject({ actorId: a.admin.id, before: { role: "ORG_ADMIN" }, after: { role: "APPROVER" } });
  });

  it("two admins demoting each other at the same moment leave one admin", async () => {
    const second = await createUser(db, { role: "ORG_ADMIN", organisationId: a.organisation.id });
    const { changeMemberRole } = await import("@/server/organisations/change-member-role");
    const actor = (user: typeof second) => ({ ...user, organisationName: a.organisation.name });
    const results = await Promise.allSettled([
      changeMemberRole({ actor: actor(a.admin), organisationId: a.organisation.id, userId: second.id, role: "BUYER" }),
      changeMemberRole({ actor: actor(second), organisationId: a.organisation.id, userId: a.admin.id, role: "BUYER" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { organisationId: a.organisation.id, role: "ORG_ADMIN" } })).toBe(1);
  });

  it("sets and removes a spending limit, audited with before and after", async () => {
    signInAs(a.admin);
    expect(
      await changeSpendingLimitAction({ userId: a.buyer.id, spendingLimit: "5000", spendingLimitPeriod: "QUARTER" }),
    ).toEqual({ ok: true, data: { changed: true } });
    expect(await db.user.findUniqueOrThrow({ where: { id: a.buyer.id } })).toMatchObject({
      spendingLimitMinor: 500000,
      spendingLimitPeriod: "QUARTER",
    });
    await changeSpendingLimitAction({ userId: a.buyer.id, spendingLimit: "", spendingLimitPeriod: "QUARTER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.buyer.id } })).spendingLimitMinor).toBeNull();
    const audits = await db.auditLog.findMany({
      where: { entityId: a.buyer.id, action: "member.spending-limit-changed" },
      orderBy: { at: "asc" },
    });
    expect(audits.map((row) => row.after)).toEqual([
      { spendingLimitMinor: 500000, spendingLimitPeriod: "QUARTER" },
      { spendingLimitMinor: null, spendingLimitPeriod: "QUARTER" },
    ]);
  });
});

describe("cross-tenant matrix and roles", () => {
  it("A's admin reaches none of B's members or invitations: NOT_FOUND, nothing changed, nothing audited", async () => {
    signInAs(b.admin);
    const bInvite = await inviteMemberAction({
      email: newEmail(),
      role: "BUYER",
      spendingLimit: "",
      spendingLimitPeriod: "MONTH",
    });
    const bInvitationId = bInvite.ok ? bInvite.data.invitationId : "";
    const before = await db.auditLog.count({ where: { organisationId: b.organisation.id } });

    signInAs(a.admin);
    const attempts = [
      await setMemberActiveAction({ userId: b.buyer.id, isActive: false }),
      await changeMemberRoleAction({ userId: b.buyer.id, role: "ORG_ADMIN" }),
      await changeMemberRoleAction({ userId: b.admin.id, role: "BUYER" }),
      await changeSpendingLimitAction({ userId: b.buyer.id, spendingLimit: "1", spendingLimitPeriod: "DAY" }),
      await resendInvitationAction({ invitationId: bInvitationId }),
      await revokeInvitationAction({ invitationId: bInvitationId }),
    ];
    for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.user.findUniqueOrThrow({ where: { id: b.buyer.id } })).toMatchObject({
      isActive: true,
      role: "BUYER",
      spendingLimitMinor: null,
    });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: bInvitationId } })).toMatchObject({ revokedAt: null });
    expect(await db.auditLog.count({ where: { organisationId: b.organisation.id } })).toBe(before);
  });

  it("a buyer and an approver of A can do none of it (FORBIDDEN)", async () => {
    const approver = await createUser(db, { role: "APPROVER", organisationId: a.organisation.id });
    for (const user of [a.buyer, approver]) {
      signInAs(user);
      expect(
        await inviteMemberAction({
          email: newEmail(),
          role: "ORG_ADMIN",
          spendingLimit: "",
          spendingLimitPeriod: "MONTH",
        }),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await changeMemberRoleAction({ userId: user.id, role: "ORG_ADMIN" })).toMatchObject({ code: "FORBIDDEN" });
      expect(await setMemberActiveAction({ userId: a.admin.id, isActive: false })).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.invitation.count({ where: { organisationId: a.organisation.id } })).toBe(0);
  });
});
