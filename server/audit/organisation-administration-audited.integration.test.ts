// Issue 14's "everything audited (who, what, before/after)", action by action: every mutating
// server action of organisation administration, accepting invitations, password reset, staff
// onboarding and suspension, and the approval settings is called as its page calls it, and must
// leave exactly one audit row naming the actor, the action, the entity and what changed. The table
// of actions is checked against the action modules' exports, so a new action of these modules
// without a case here fails the first test.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import type { TActionResult } from "@/lib/errors";
import * as accountAccess from "@/server/actions/account-access";
import * as approvals from "@/server/actions/approvals";
import * as members from "@/server/actions/organisation-members";
import * as onboarding from "@/server/actions/organisation-onboarding";
import * as organisations from "@/server/actions/organisations";
import { linkTokenFor } from "@/server/auth/link-token";
import { stopSender } from "@/server/jobs/enqueue";
import type { OdooClient } from "@/server/odoo/client";
import { createCompanyPartner } from "@/server/odoo/partners";

const emulator = useOdooEmulator();
const current = vi.hoisted(() => ({ client: null as unknown }));
vi.mock("@/server/odoo/get-odoo-client", () => ({ getOdooClient: () => current.client }));
// Amounts in EUR whatever Medusa says: the store is not part of this test.
vi.mock("@/server/catalog/get-store-region", () => ({
  getStoreRegion: async () => {
    throw new Error("no store in this test");
  },
}));

const db = testDb();
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

// Each mutating action of the issue and the audit action(s) it must write. Actions of these
// modules that change nothing, or belong to another issue's journey, are listed with the reason.
const AUDITED = {
  members: {
    inviteMemberAction: ["invitation.created"],
    resendInvitationAction: ["invitation.resent"],
    revokeInvitationAction: ["invitation.revoked"],
    changeMemberRoleAction: ["member.role-changed"],
    changeSpendingLimitAction: ["member.spending-limit-changed"],
    setMemberActiveAction: ["member.deactivated", "member.reactivated"],
    requestAddressChangeAction: ["address.change-requested"],
  },
  accountAccess: {
    acceptInvitationAction: ["invitation.accepted"],
    requestPasswordResetAction: ["user.password-reset-requested"],
    resetPasswordAction: ["user.password-reset"],
  },
  onboarding: { onboardOrganisationAction: ["organisation.onboarded", "invitation.created"] },
  organisations: { setOrganisationStatusAction: ["organisation.suspended", "organisation.reactivated"] },
  approvals: {
    createApprovalRuleAction: ["approval-rule.created"],
    updateApprovalRuleAction: ["approval-rule.updated"],
    setApprovalRuleActiveAction: ["approval-rule.deactivated", "approval-rule.reactivated"],
    moveApprovalRuleAction: ["approval-rule.moved"],
    updateApprovalWindowAction: ["organisation.approval-window-changed"],
  },
} as const;
const NOT_HERE: Record<string, string> = {
  previewApprovalsAction: "reads only",
  approveApprovalStepAction: "checkout's approvals: audited in server/approvals/approvals.integration.test.ts",
  rejectApprovalRequestAction: "checkout's approvals: audited in server/approvals/approvals.integration.test.ts",
};

let a: Awaited<ReturnType<typeof createOrganisationWithMembers>>;
let startedAt: Date;
beforeEach(async () => {
  current.client = emulator.client("json2");
  a = await createOrganisationWithMembers(db);
  startedAt = new Date(Date.now() - 1);
  signInAs(null);
});

const PASSWORD = "a sound passphrase 42";
const newEmail = (label: string) => `${label}-${randomUUID()}@example.com`;

function dataOf<T>(result: TActionResult<T>): T {
  if (!result.ok) throw new Error(`the action failed: ${JSON.stringify(result)}`);

  return result.data;
}

/** The one audit row of `action` on `entityId` written by this test (fails on none or several). */
async function auditRow(action: string, entityId: string) {
  const rows = await db.auditLog.findMany({ where: { action, entityId, at: { gte: startedAt } } });
  expect(rows, `audit rows of ${action} on ${entityId}`).toHaveLength(1);

  return rows[0]!;
}

const byActor = (user: { id: string; email: string }) => ({ actorId: user.id, actorLabel: user.email });

async function invite(email = newEmail("invitee")) {
  signInAs(a.admin);
  const { invitationId } = dataOf(
    await members.inviteMemberAction({ email, role: "BUYER", spendingLimit: "1500", spendingLimitPeriod: "MONTH" }),
  );

  return { email, invitationId };
}

it("the table covers every action these modules export", () => {
  const modules = { members, accountAccess, onboarding, organisations, approvals };
  for (const [name, audited] of Object.entries(AUDITED)) {
    const exported = Object.keys(modules[name as keyof typeof modules]).filter((action) => !(action in NOT_HERE));
    expect(exported.sort(), name).toEqual(Object.keys(audited).sort());
  }
});

describe("members and invitations (the org admin)", () => {
  it("invitation created: who invited, and the terms", async () => {
    const { email, invitationId } = await invite();
    expect(await auditRow("invitation.created", invitationId)).toMatchObject({
      ...byActor(a.admin),
      entityType: "invitation",
      organisationId: a.organisation.id,
      before: null,
      after: { email, role: "BUYER", spendingLimitMinor: 150_000, spendingLimitPeriod: "MONTH" },
    });
  });

  it("invitation resent: the new invitation, and the one it replaces", async () => {
    const { email, invitationId } = await invite();
    const resent = dataOf(await members.resendInvitationAction({ invitationId }));
    expect(await auditRow("invitation.resent", resent.invitationId)).toMatchObject({
      ...byActor(a.admin),
      entityType: "invitation",
      organisationId: a.organisation.id,
      before: { invitationId },
      after: { email, role: "BUYER", spendingLimitMinor: 150_000 },
    });
  });

  it("invitation revoked", async () => {
    const { email, invitationId } = await invite();
    dataOf(await members.revokeInvitationAction({ invitationId }));
    expect(await auditRow("invitation.revoked", invitationId)).toMatchObject({
      ...byActor(a.admin),
      organisationId: a.organisation.id,
      before: { email, revoked: false },
      after: { email, revoked: true },
    });
  });

  it("invitation accepted: by the new member, with the role and limit they got", async () => {
    const { email, invitationId } = await invite();
    signInAs(null);
    const token = linkTokenFor("invitation", invitationId);
    dataOf(
      await accountAccess.acceptInvitationAction({
        token,
        name: "Ina Invitee",
        password: PASSWORD,
        confirmPassword: PASSWORD,
      }),
    );
    const member = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await auditRow("invitation.accepted", member.id)).toMatchObject({
      ...byActor(member),
      entityType: "user",
      organisationId: a.organisation.id,
      after: { invitationId, role: "BUYER", spendingLimitMinor: 150_000, spendingLimitPeriod: "MONTH" },
    });
  });

  it("role changed, spending limit changed: before and after", async () => {
    signInAs(a.admin);
    dataOf(await members.changeMemberRoleAction({ userId: a.buyer.id, role: "APPROVER" }));
    dataOf(
      await members.changeSpendingLimitAction({ userId: a.buyer.id, spendingLimit: "750", spendingLimitPeriod: "DAY" }),
    );
    expect(await auditRow("member.role-changed", a.buyer.id)).toMatchObject({
      ...byActor(a.admin),
      entityType: "user",
      organisationId: a.organisation.id,
      before: { role: "BUYER" },
      after: { role: "APPROVER" },
    });
    expect(await auditRow("member.spending-limit-changed", a.buyer.id)).toMatchObject({
      ...byActor(a.admin),
      organisationId: a.organisation.id,
      before: { spendingLimitMinor: null },
      after: { spendingLimitMinor: 75_000, spendingLimitPeriod: "DAY" },
    });
  });

  it("deactivated and reactivated; setting the same state again records nothing", async () => {
    signInAs(a.admin);
    dataOf(await members.setMemberActiveAction({ userId: a.buyer.id, isActive: false }));
    expect(dataOf(await members.setMemberActiveAction({ userId: a.buyer.id, isActive: false }))).toEqual({
      changed: false,
    });
    dataOf(await members.setMemberActiveAction({ userId: a.buyer.id, isActive: true }));
    expect(await auditRow("member.deactivated", a.buyer.id)).toMatchObject({
      ...byActor(a.admin),
      organisationId: a.organisation.id,
      before: { isActive: true },
      after: { isActive: false },
    });
    expect(await auditRow("member.reactivated", a.buyer.id)).toMatchObject({
      before: { isActive: false },
      after: { isActive: true },
    });
  });

  it("a refused change (the last admin demoting themselves) records nothing", async () => {
    signInAs(a.admin);
    expect((await members.changeMemberRoleAction({ userId: a.admin.id, role: "BUYER" })).ok).toBe(false);
    expect(await db.auditLog.count({ where: { organisationId: a.organisation.id, at: { gte: startedAt } } })).toBe(0);
  });

  it("address change requested: the address as it was, and the message", async () => {
    const odooPartnerId = 700_000 + Math.floor(Math.random() * 100_000);
    const now = new Date();
    await db.erpAddress.create({
      data: {
        odooPartnerId,
        organisationId: a.organisation.id,
        type: "delivery",
        name: "Warehouse",
        street: "Weg 2",
        zip: "20457",
        city: "Hamburg",
        countryCode: "DE",
        odooWriteDate: now,
        syncedAt: now,
      },
    });
    signInAs(a.admin);
    const { requestId } = dataOf(
      await members.requestAddressChangeAction({ odooPartnerId, message: "Now Kaistraße 9" }),
    );
    expect(await auditRow("address.change-requested", requestId)).toMatchObject({
      ...byActor(a.admin),
      organisationId: a.organisation.id,
      after: { odooPartnerId, message: "Now Kaistraße 9", address: "Warehouse, Weg 2, 20457 Hamburg, DE" },
    });
  });
});

describe("password reset (anyone)", () => {
  it("requested and completed: on the account, and never the token or the password hash", async () => {
    dataOf(await accountAccess.requestPasswordResetAction({ email: a.buyer.email }));
    const requested = await auditRow("user.password-reset-requested", a.buyer.id);
    expect(requested).toMatchObject({ actorId: null, actorLabel: "system:password-reset", entityType: "user" });
    expect(requested.after).toEqual({ expiresAt: expect.any(String) });

    const resetToken = await db.passwordResetToken.findFirstOrThrow({ where: { userId: a.buyer.id } });
    const token = linkTokenFor("password-reset", resetToken.id);
    dataOf(await accountAccess.resetPasswordAction({ token, password: PASSWORD, confirmPassword: PASSWORD }));
    const completed = await auditRow("user.password-reset", a.buyer.id);
    expect(completed).toMatchObject({ ...byActor(a.buyer), entityType: "user" });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: a.buyer.id } });
    for (const row of [requested, completed]) {
      const written = JSON.stringify(row);
      for (const secret of [token, resetToken.tokenHash, passwordHash, PASSWORD]) expect(written).not.toContain(secret);
    }
  });
});

describe("staff: onboarding and suspension (the operator)", () => {
  it("organisation onboarded, with the Odoo partner it was linked to and its first admin's invitation", async () => {
    const name = `Audited Werkstatt ${randomUUID().slice(0, 6)}`;
    const { id: partnerId } = await createCompanyPartner(current.client as OdooClient, {
      ref: `CUST-${randomUUID().slice(0, 8)}`,
      name,
      address: { street: "Ringstr. 5", zip: "50667", city: "Köln", countryCode: "DE" },
    });
    const operator = await createUser(db, { role: "OPERATOR" });
    const adminEmail = newEmail("first-admin");
    signInAs(operator);
    const { organisationId, invitationId } = dataOf(
      await onboarding.onboardOrganisationAction({ odooPartnerId: partnerId, name, adminEmail }),
    );
    expect(await auditRow("organisation.onboarded", organisationId)).toMatchObject({
      ...byActor(operator),
      entityType: "organisation",
      organisationId,
      before: null,
      after: { name, odooPartnerId: partnerId, firstAdmin: adminEmail },
    });
    expect(await auditRow("invitation.created", invitationId)).toMatchObject({
      ...byActor(operator),
      organisationId,
      after: { email: adminEmail, role: "ORG_ADMIN" },
    });
  });

  it("suspended with its reason, and reactivated", async () => {
    const operator = await createUser(db, { role: "OPERATOR" });
    signInAs(operator);
    const organisationId = a.organisation.id;
    const reason = "Invoices overdue since March";
    dataOf(await organisations.setOrganisationStatusAction({ organisationId, status: "SUSPENDED", reason }));
    dataOf(await organisations.setOrganisationStatusAction({ organisationId, status: "ACTIVE" }));
    expect(await auditRow("organisation.suspended", organisationId)).toMatchObject({
      ...byActor(operator),
      entityType: "organisation",
      organisationId,
      before: { status: "ACTIVE" },
      after: { status: "SUSPENDED", reason },
    });
    expect(await auditRow("organisation.reactivated", organisationId)).toMatchObject({
      ...byActor(operator),
      before: { status: "SUSPENDED" },
      after: { status: "ACTIVE" },
    });
  });
});

describe("approval settings (the org admin)", () => {
  it("rules created, changed, deactivated, reactivated and moved; the approval window changed", async () => {
    signInAs(a.admin);
    const first = dataOf(
      await approvals.createApprovalRuleAction({ condition: "TOTAL_ABOVE", amount: "10000", approverRole: "APPROVER" }),
    );
    const second = dataOf(
      await approvals.createApprovalRuleAction({ condition: "NEW_ADDRESS", approverRole: "ORG_ADMIN" }),
    );
    dataOf(
      await approvals.updateApprovalRuleAction({
        ruleId: first.ruleId,
        condition: "TOTAL_ABOVE",
        amount: "12000",
        approverRole: "ORG_ADMIN",
      }),
    );
    dataOf(await approvals.setApprovalRuleActiveAction({ ruleId: second.ruleId, active: false }));
    dataOf(await approvals.setApprovalRuleActiveAction({ ruleId: second.ruleId, active: true }));
    dataOf(await approvals.moveApprovalRuleAction({ ruleId: second.ruleId, direction: "up" }));
    dataOf(await approvals.updateApprovalWindowAction({ approvalWindowHours: 48 }));

    const common = { ...byActor(a.admin), organisationId: a.organisation.id };
    expect(await auditRow("approval-rule.created", first.ruleId)).toMatchObject({
      ...common,
      entityType: "approval-rule",
      before: null,
      after: { condition: "TOTAL_ABOVE", amountMinor: 1_000_000, approverRole: "APPROVER", position: 1 },
    });
    expect(await auditRow("approval-rule.updated", first.ruleId)).toMatchObject({
      ...common,
      before: { amountMinor: 1_000_000, approverRole: "APPROVER" },
      after: { amountMinor: 1_200_000, approverRole: "ORG_ADMIN" },
    });
    expect(await auditRow("approval-rule.deactivated", second.ruleId)).toMatchObject({
      ...common,
      before: { active: true },
      after: { active: false },
    });
    expect(await auditRow("approval-rule.reactivated", second.ruleId)).toMatchObject({
      ...common,
      before: { active: false },
      after: { active: true },
    });
    expect(await auditRow("approval-rule.moved", second.ruleId)).toMatchObject({
      ...common,
      before: { position: 2 },
      after: { position: 1 },
    });
    expect(await auditRow("organisation.approval-window-changed", a.organisation.id)).toMatchObject({
      ...common,
      before: { approvalWindowHours: 72 },
      after: { approvalWindowHours: 48 },
    });
  });
});
