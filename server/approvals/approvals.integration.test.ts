// Deciding approval requests against a real PostgreSQL: steps taken in order by the role each
// needs, the order placed after the last one exactly once (also when approved many times at once,
// or retried after a failed placement), rejections with the buyer's reason, expiry, and nobody
// deciding their own or another organisation's request. Which rules apply:
// required-approvals.integration.test.ts.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { order, organisation, type TOrg } from "../../test/support/approvals";
import { testDb } from "../../test/support/db";
import type { Role } from "@/generated/prisma/enums";
import { approveApprovalStepAction, rejectApprovalRequestAction } from "@/server/actions/approvals";
import { approveApprovalStep } from "@/server/approvals/approve-approval-step";
import { expireApprovalRequests } from "@/server/approvals/expire-approval-requests";
import { findPendingApprovals } from "@/server/approvals/find-pending-approvals";
import { rejectApprovalRequest } from "@/server/approvals/reject-approval-request";
import type { TSessionUser } from "@/server/auth/session";

// Placing in Medusa is checkout's part (placeApprovedOrder); here we see that the last approval,
// and only it, asks for placement, once.
const placement = vi.hoisted(() => ({ calls: [] as string[], failNext: false }));
vi.mock("@/server/approvals/place-after-approval", () => ({
  placeAfterApproval: async ({ orderId }: { orderId: string }) => {
    placement.calls.push(orderId);
    if (placement.failNext) {
      placement.failNext = false;
      const { AppError } = await import("@/lib/errors");
      throw new AppError("UPSTREAM_FAILED", "The store did not answer.");
    }
    const { testDb: db } = await import("../../test/support/db");
    await db().order.update({ where: { id: orderId }, data: { status: "PLACED", placedAt: new Date() } });
    return { status: "PLACED", message: "Placed." };
  },
}));

const db = testDb();
afterAll(() => db.$disconnect());

let a: TOrg;
let b: TOrg;

const asSession = (user: { id: string; email: string; name: string; role: Role; organisationId: string | null }) =>
  ({ ...user, organisationName: null }) as TSessionUser;

const stepsOf = async (orderId: string) =>
  db.approvalStep.findMany({ where: { orderId }, orderBy: { position: "asc" } });
const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status;
const emails = async (orderReference: string) =>
  (
    await db.$queryRaw<{ data: { payload: { template: string; to: string; data: Record<string, unknown> } } }[]>`
      SELECT data FROM pgboss.job WHERE name = 'mail.send-email'
      AND data->'payload'->'data'->>'orderReference' = ${orderReference} ORDER BY created_on, id`
  ).map((row) => row.data.payload);
const audits = (entityId: string) =>
  db.auditLog.findMany({ where: { entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

beforeEach(async () => {
  [a, b] = await Promise.all([organisation(), organisation()]);
  placement.calls.length = 0;
  placement.failNext = false;
  signInAs(null);
});

describe("deciding approval requests", () => {
  it("takes the steps in order and places the order after the last one, once", async () => {
    const request = await order(a, { steps: ["APPROVER", "ORG_ADMIN"] });
    const [first, second] = request.approvalSteps;

    await expect(
      approveApprovalStep({ actor: asSession(a.admin), organisationId: a.organisation.id, stepId: second!.id }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("Step 1") });
    expect((await stepsOf(request.id)).map((step) => step.status)).toEqual(["WAITING", "WAITING"]);

    const one = await approveApprovalStep({
      actor: asSession(a.approver),
      organisationId: a.organisation.id,
      stepId: first!.id,
      comment: "Budget ok",
    });
    expect(one).toMatchObject({ changed: true, status: "PENDING_APPROVAL", placement: null });
    expect(placement.calls).toEqual([]);
    expect(await emails(request.reference)).toEqual([
      expect.objectContaining({ template: "approval-requested", to: a.admin.email }),
    ]);

    // An approver may not decide an org admin's step.
    await expect(
      approveApprovalStep({ actor: asSession(a.approver), organisationId: a.organisation.id, stepId: second!.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const two = await approveApprovalStep({
      actor: asSession(a.admin),
      organisationId: a.organisation.id,
      stepId: second!.id,
    });
    expect(two).toMatchObject({ changed: true, status: "PLACED", placement: { status: "PLACED" } });
    expect(placement.calls).toEqual([request.id]);
    expect(await stepsOf(request.id)).toMatchObject([
      { status: "APPROVED", decidedById: a.approver.id, comment: "Budget ok" },
      { status: "APPROVED", decidedById: a.admin.id },
    ]);
    expect((await emails(request.reference)).map((email) => [email.template, email.to, email.data.decision])).toEqual([
      ["approval-requested", a.admin.email, undefined],
      ["approval-decided", a.buyer.email, "APPROVED"],
    ]);
    expect((await audits(request.id)).map((entry) => [entry.action, entry.actorId])).toEqual([
      ["approval.step-approved", a.approver.id],
      ["approval.step-approved", a.admin.id],
    ]);
  });

  it("lets an org admin decide an approver's step", async () => {
    const request = await order(a, { steps: ["APPROVER"] });
    const result = await approveApprovalStep({
      actor: asSession(a.admin),
      organisationId: a.organisation.id,
      stepId: request.approvalSteps[0]!.id,
    });
    expect(result.changed).toBe(true);
  });

  it("refuses the buyer's own request, even when the buyer is an approver or an admin", async () => {
    for (const buyer of [a.approver, a.admin]) {
      const request = await order(a, { buyerId: buyer.id, steps: ["APPROVER"] });
      signInAs(buyer);
      const approve = await approveApprovalStepAction({ stepId: request.approvalSteps[0]!.id });
      const reject = await rejectApprovalRequestAction({ orderId: request.id, reason: "Not needed after all" });

      expect(approve).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
        message: "You cannot decide your own approval request.",
      });
      expect(reject).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect((await stepsOf(request.id))[0]!.status).toBe("WAITING");
      expect(await statusOf(request.id)).toBe("PENDING_APPROVAL");
      expect(await audits(request.id)).toEqual([]);
    }
  });

  it("refuses plain buyers (FORBIDDEN before anything is read)", async () => {
    const request = await order(a, { buyerId: a.admin.id, steps: ["APPROVER"] });
    signInAs(a.buyer);
    expect(await approveApprovalStepAction({ stepId: request.approvalSteps[0]!.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await stepsOf(request.id))[0]!.status).toBe("WAITING");
  });

  it("records one decision and places once when the last step is approved many times at once", async () => {
    const request = await order(a, { steps: ["APPROVER"] });
    const stepId = request.approvalSteps[0]!.id;
    const actors = [a.approver, a.admin];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        approveApprovalStep({ actor: asSession(actors[i % 2]!), organisationId: a.organisation.id, stepId }),
      ),
    );

    expect(results.filter((result) => result.changed)).toHaveLength(1);
    expect(placement.calls).toEqual([request.id]);
    expect(await audits(request.id)).toHaveLength(1);
    expect(await emails(request.reference)).toHaveLength(1);
    expect(await statusOf(request.id)).toBe("PLACED");
  });

  it("keeps an approved request whose placement failed, and retries placing when asked again a minute later", async () => {
    const request = await order(a, { steps: ["APPROVER"] });
    const stepId = request.approvalSteps[0]!.id;
    const actor = asSession(a.approver);
    placement.failNext = true;

    const first = await approveApprovalStep({ actor, organisationId: a.organisation.id, stepId });
    expect(first).toMatchObject({
      changed: true,
      status: "PENDING_APPROVAL",
      placement: { status: "PENDING", message: expect.stringContaining("The store did not answer.") },
    });
    const [view] = await findPendingApprovals({ viewer: a.admin, organisationId: a.organisation.id });
    expect(view).toMatchObject({ currentStep: null, placementRetryStepId: stepId });

    // Right away: maybe the first placement is still running — nothing is tried.
    expect(await approveApprovalStep({ actor, organisationId: a.organisation.id, stepId })).toMatchObject({
      changed: false,
      placement: null,
    });
    expect(placement.calls).toHaveLength(1);

    const later = new Date(Date.now() + 61_000);
    const retry = await approveApprovalStep({ actor, organisationId: a.organisation.id, stepId, now: later });
    expect(retry).toMatchObject({ changed: false, status: "PLACED", placement: { status: "PLACED" } });
    expect(placement.calls).toEqual([request.id, request.id]);
    expect(await audits(request.id)).toHaveLength(1);
  });

  it("rejects with the reason the buyer reads; a second rejection and a late approval change nothing", async () => {
    const request = await order(a, { steps: ["APPROVER", "ORG_ADMIN"] });
    signInAs(a.approver);
    expect(await rejectApprovalRequestAction({ orderId: request.id, reason: " " })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { reason: [expect.stringContaining("the buyer reads this")] },
    });

    const reject = await rejectApprovalRequestAction({ orderId: request.id, reason: "Over this quarter's budget" });
    expect(reject).toMatchObject({ ok: true, data: { changed: true } });
    expect(await emails(request.reference)).toEqual([
      {
        template: "approval-decided",
        to: a.buyer.email,
        data: expect.objectContaining({ decision: "REJECTED", comment: "Over this quarter's budget" }),
      },
    ]);
    expect(await db.order.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "REJECTED",
      decisionReason: "Over this quarter's budget",
    });
    expect(await stepsOf(request.id)).toMatchObject([
      { status: "REJECTED", decidedById: a.approver.id, comment: "Over this quarter's budget" },
      { status: "WAITING" },
    ]);

    expect(await rejectApprovalRequestAction({ orderId: request.id, reason: "Again" })).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    signInAs(a.admin);
    expect(await approveApprovalStepAction({ stepId: request.approvalSteps[1]!.id })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });
    expect(placement.calls).toEqual([]);
    expect((await audits(request.id)).map((entry) => entry.action)).toEqual(["approval.rejected"]);
  });
});

describe("expiry", () => {
  it("expires requests past their window, once, and they can no longer be decided", async () => {
    const due = await order(a, { steps: ["APPROVER"], expiresAt: new Date(Date.now() - 1000) });
    const open = await order(a, { steps: ["APPROVER"] });
    const otherOrg = await order(b, { steps: ["APPROVER"], expiresAt: new Date(Date.now() - 1000) });

    expect(await expireApprovalRequests()).toEqual({ expired: 2 });
    expect(await db.order.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({
      status: "EXPIRED",
      decisionReason: expect.stringContaining("Nobody decided within the approval window"),
    });
    expect(await statusOf(open.id)).toBe("PENDING_APPROVAL");
    expect(await statusOf(otherOrg.id)).toBe("EXPIRED");
    expect(await audits(due.id)).toMatchObject([{ action: "approval.expired", actorLabel: "system:approvals" }]);
    expect(await expireApprovalRequests()).toEqual({ expired: 0 });

    await expect(
      approveApprovalStep({
        actor: asSession(a.approver),
        organisationId: a.organisation.id,
        stepId: due.approvalSteps[0]!.id,
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("refuses a decision after the window even before the expiry job ran", async () => {
    const due = await order(a, { steps: ["APPROVER"], expiresAt: new Date(Date.now() - 1000) });
    await expect(
      rejectApprovalRequest({
        actor: asSession(a.approver),
        organisationId: a.organisation.id,
        orderId: due.id,
        reason: "Late",
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("expired") });
    expect(await statusOf(due.id)).toBe("PENDING_APPROVAL");
  });
});

describe("cross-tenant", () => {
  it("an approver of B neither sees nor decides A's requests (NOT_FOUND, nothing changed)", async () => {
    const request = await order(a, { steps: ["APPROVER"] });
    const stepId = request.approvalSteps[0]!.id;

    const seenByB = await findPendingApprovals({ viewer: b.approver, organisationId: b.organisation.id });
    expect(seenByB).toEqual([]);
    const seenByA = await findPendingApprovals({ viewer: a.approver, organisationId: a.organisation.id });
    expect(seenByA).toMatchObject([
      {
        orderId: request.id,
        buyer: { id: a.buyer.id },
        waitingFor: "Waiting for an approver (step 1 of 1)",
        viewerMay: { decide: true },
        lines: [{ sku: "TBL-1", quantity: 1 }],
      },
    ]);

    for (const actor of [b.approver, b.admin]) {
      signInAs(actor);
      expect(await approveApprovalStepAction({ stepId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await rejectApprovalRequestAction({ orderId: request.id, reason: "Not ours" })).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
      });
    }
    expect((await stepsOf(request.id))[0]!.status).toBe("WAITING");
    expect(await statusOf(request.id)).toBe("PENDING_APPROVAL");
    expect(await audits(request.id)).toEqual([]);
    expect(await emails(request.reference)).toEqual([]);
  });
});
