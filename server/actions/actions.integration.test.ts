import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { setMemberActiveAction } from "@/server/actions/organisation-members";
import { setOrganisationStatusAction } from "@/server/actions/organisations";
import { getSessionUser } from "@/server/auth/session";

const db = testDb();
afterAll(() => db.$disconnect());

let a: Awaited<ReturnType<typeof createOrganisationWithMembers>>;
let b: Awaited<ReturnType<typeof createOrganisationWithMembers>>;

beforeEach(async () => {
  [a, b] = await Promise.all([createOrganisationWithMembers(db), createOrganisationWithMembers(db)]);
  signInAs(null);
});

const isActive = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).isActive;
const auditCount = (entityId: string) => db.auditLog.count({ where: { entityId } });

describe("setMemberActiveAction", () => {
  it("lets an org admin deactivate a buyer of their organisation, audited with before and after", async () => {
    signInAs(a.admin);
    const result = await setMemberActiveAction({ userId: a.buyer.id, isActive: false });

    expect(result).toEqual({ ok: true, data: { changed: true } });
    expect(await isActive(a.buyer.id)).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: a.buyer.id } });
    expect(audit).toMatchObject({
      actorId: a.admin.id,
      actorLabel: a.admin.email,
      action: "member.deactivated",
      entityType: "user",
      organisationId: a.organisation.id,
      before: { isActive: true },
      after: { isActive: false },
      correlationId: "test-request",
    });
  });

  it("is idempotent: the same state again changes and audits nothing", async () => {
    signInAs(a.admin);
    await setMemberActiveAction({ userId: a.buyer.id, isActive: false });
    expect(await setMemberActiveAction({ userId: a.buyer.id, isActive: false })).toEqual({
      ok: true,
      data: { changed: false },
    });
    expect(await auditCount(a.buyer.id)).toBe(1);
  });

  it("cannot reach a member of another organisation (NOT_FOUND, nothing changed)", async () => {
    signInAs(a.admin);
    const result = await setMemberActiveAction({ userId: b.buyer.id, isActive: false });

    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await isActive(b.buyer.id)).toBe(true);
    expect(await auditCount(b.buyer.id)).toBe(0);
  });

  it("does not let an admin lock themselves out", async () => {
    signInAs(a.admin);
    expect(await setMemberActiveAction({ userId: a.admin.id, isActive: false })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });
    expect(await isActive(a.admin.id)).toBe(true);
  });

  it.each([
    ["a buyer", () => a.buyer],
    ["a data manager", async () => createUser(db, { role: "DATA_MANAGER" })],
    ["an operator", async () => createUser(db, { role: "OPERATOR" })],
  ])("refuses %s (FORBIDDEN, nothing changed)", async (_label, actor) => {
    signInAs(await actor());
    expect(await setMemberActiveAction({ userId: a.buyer.id, isActive: false })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await isActive(a.buyer.id)).toBe(true);
  });

  it("refuses a caller without a session", async () => {
    expect(await setMemberActiveAction({ userId: a.buyer.id, isActive: false })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
  });

  it("returns field errors for bad input and changes nothing", async () => {
    signInAs(a.admin);
    const result = await setMemberActiveAction({ userId: '1; DROP TABLE "User"', isActive: "yes", extra: 1 });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID_INPUT");
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(expect.arrayContaining(["userId", "isActive"]));
    expect(await isActive(a.buyer.id)).toBe(true);
  });
});

describe("setOrganisationStatusAction", () => {
  const REASON = "Unpaid invoices since March";
  const statusOf = async (organisationId: string) =>
    (await db.organisation.findUniqueOrThrow({ where: { id: organisationId } })).status;

  it("lets an operator suspend an organisation with a reason (audited), which signs its members out", async () => {
    const operator = await createUser(db, { role: "OPERATOR" });
    signInAs(operator);
    expect(
      await setOrganisationStatusAction({ organisationId: b.organisation.id, status: "SUSPENDED", reason: REASON }),
    ).toEqual({ ok: true, data: { changed: true } });
    expect(await statusOf(b.organisation.id)).toBe("SUSPENDED");
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: b.organisation.id } })).toMatchObject({
      actorId: operator.id,
      action: "organisation.suspended",
      before: { status: "ACTIVE" },
      after: { status: "SUSPENDED", reason: REASON },
    });

    signInAs(b.admin);
    expect(await getSessionUser()).toBeNull();
    expect(await setMemberActiveAction({ userId: b.buyer.id, isActive: false })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
  });

  it.each([
    ["an org admin", () => a.admin],
    ["a buyer", () => a.buyer],
    ["a data manager", async () => createUser(db, { role: "DATA_MANAGER" })],
  ])("refuses %s (FORBIDDEN, nothing changed)", async (_label, actor) => {
    signInAs(await actor());
    expect(
      await setOrganisationStatusAction({ organisationId: b.organisation.id, status: "SUSPENDED", reason: REASON }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await statusOf(b.organisation.id)).toBe("ACTIVE");
  });

  it.each([
    ["no reason", {}],
    ["an empty reason", { reason: "" }],
    ["a blank reason", { reason: "   " }],
  ])("refuses to suspend with %s: a field error on the reason, nothing changed or audited", async (_label, extra) => {
    signInAs(await createUser(db, { role: "OPERATOR" }));
    const result = await setOrganisationStatusAction({
      organisationId: b.organisation.id,
      status: "SUSPENDED",
      ...extra,
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { reason: [expect.any(String)] } });
    expect(await statusOf(b.organisation.id)).toBe("ACTIVE");
    expect(await auditCount(b.organisation.id)).toBe(0);
  });

  it("reactivates with or without a reason, the reason in the audit entry", async () => {
    const operator = await createUser(db, { role: "OPERATOR" });
    signInAs(operator);
    const suspend = { organisationId: b.organisation.id, status: "SUSPENDED", reason: REASON } as const;
    expect(await setOrganisationStatusAction(suspend)).toMatchObject({ ok: true });
    expect(
      await setOrganisationStatusAction({
        organisationId: b.organisation.id,
        status: "ACTIVE",
        reason: " Paid in full ",
      }),
    ).toEqual({ ok: true, data: { changed: true } });
    expect(await setOrganisationStatusAction(suspend)).toMatchObject({ ok: true });
    expect(await setOrganisationStatusAction({ organisationId: b.organisation.id, status: "ACTIVE" })).toEqual({
      ok: true,
      data: { changed: true },
    });
    expect(await statusOf(b.organisation.id)).toBe("ACTIVE");
    const entries = await db.auditLog.findMany({
      where: { entityId: b.organisation.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ["organisation.suspended", { status: "ACTIVE" }, { status: "SUSPENDED", reason: REASON }],
      ["organisation.reactivated", { status: "SUSPENDED" }, { status: "ACTIVE", reason: "Paid in full" }],
      ["organisation.suspended", { status: "ACTIVE" }, { status: "SUSPENDED", reason: REASON }],
      ["organisation.reactivated", { status: "SUSPENDED" }, { status: "ACTIVE", reason: null }],
    ]);
  });

  it("rejects an unknown status value with a field error", async () => {
    signInAs(await createUser(db, { role: "OPERATOR" }));
    expect(await setOrganisationStatusAction({ organisationId: b.organisation.id, status: "DELETED" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { status: expect.any(Array) },
    });
  });
});

describe("getSessionUser", () => {
  it("reads role and organisation from the database, and drops a deactivated user at once", async () => {
    signInAs(a.buyer);
    expect(await getSessionUser()).toMatchObject({
      id: a.buyer.id,
      role: "BUYER",
      organisationId: a.organisation.id,
      organisationName: a.organisation.name,
    });

    await db.user.update({ where: { id: a.buyer.id }, data: { isActive: false } });
    expect(await getSessionUser()).toBeNull();
  });
});
