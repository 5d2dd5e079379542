// The access matrix over every server action found in the code: the table must cover exactly the
// actions that exist; every role without an action's permission is refused (and anonymous callers);
// organisation B's members get NOT_FOUND or FORBIDDEN for organisation A's ids, with nothing of A
// changed and no row written; fields the server decides (price, discount, organisation, role) are
// refused in the input. A's own member with the same input is the control: the ids are real.
import { readFileSync } from "node:fs";
import path from "node:path";
import { signInAs } from "../support/next-request-scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Role } from "../../generated/prisma/enums";
import { createUser } from "../../prisma/seed/factories";
import { testDb } from "../support/db";
import { seedOrder } from "../support/orders";
import { ACTIONS, loadAction, type TActionCase } from "./action-table";
import { actionKey, findServerActions, findStrayServerActionFiles, ROOT } from "./entry-points";
import { createStaff, createTenant, ensureJobSchema, fingerprintOf, type TTenant, usersByRole } from "./tenants";
import { expectNoWritesSince, installWriteCounter, settle, writesSoFar } from "./write-counter";
import { hasPermission } from "@/server/auth/permissions";

const db = testDb();
let a: TTenant;
let b: TTenant;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  [a, b, staff] = await Promise.all([createTenant(db, "A"), createTenant(db, "B", { cart: false }), createStaff(db)]);
  await ensureJobSchema();
  await installWriteCounter(db);
});
afterAll(() => db.$disconnect());

const keys = Object.keys(ACTIONS).sort();
const REFUSED = ["NOT_FOUND", "FORBIDDEN"];

/** Runs `call` and returns its result, failing the test if any row was written or A's data changed. */
async function withoutWrites<T>(call: () => Promise<T>, tenant: TTenant = a): Promise<T> {
  await settle(db);
  const [before, writes] = await Promise.all([fingerprintOf(db, tenant.organisation.id), writesSoFar(db)]);
  const result = await call();
  await expectNoWritesSince(db, writes);
  expect(await fingerprintOf(db, tenant.organisation.id)).toBe(before);

  return result;
}

describe("the table covers the code", () => {
  it("has one case per exported server action, no more, no fewer", () => {
    expect(keys).toEqual(findServerActions().map(actionKey).sort());
  });

  it("finds no server action outside server/actions/", () => {
    expect(findStrayServerActionFiles()).toEqual([]);
  });

  it.each(keys)("%s is exported by its module", async (key) => {
    expect(typeof (await loadAction(key))).toBe("function");
  });

  it.each(keys.filter((key) => "covered" in ACTIONS[key]!.tenant))("%s: the test named for it exists", (key) => {
    const { covered } = ACTIONS[key]!.tenant as { covered: { file: string; title: string } };
    expect(readFileSync(path.join(ROOT, covered.file), "utf8")).toContain(covered.title);
  });
});

describe("role matrix: every role without the action's permission is refused, and so is a visitor", () => {
  it.each(keys.filter((key) => ACTIONS[key]!.permission !== "public"))("%s", async (key) => {
    const { permission } = ACTIONS[key]! as TActionCase & { permission: Exclude<TActionCase["permission"], "public"> };
    const action = await loadAction(key);
    signInAs(null);
    expect(await withoutWrites(() => action({}))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const refusedTo: Role[] = [];
    for (const [role, user] of usersByRole(a, staff)) {
      if (hasPermission(role, permission)) continue;
      signInAs(user);
      expect(await withoutWrites(() => action({})), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      refusedTo.push(role);
    }
    // Staff-only actions are refused to buyers and org admins; members' actions to staff.
    expect(refusedTo.length).toBeGreaterThan(0);
  });
});

const tenantCases = keys.filter((key) => "as" in ACTIONS[key]!.tenant);

describe("cross-tenant: B's members with A's ids get NOT_FOUND or FORBIDDEN, and nothing of A changes", () => {
  it.each(tenantCases)("%s", async (key) => {
    const tenant = ACTIONS[key]!.tenant as Extract<TActionCase["tenant"], { as: string }>;
    const owner = await createTenant(db, "owner");
    const action = await loadAction(key);
    signInAs(b[tenant.as]);
    const result = await withoutWrites(() => action(tenant.input(owner)), owner);
    expect(result.ok).toBe(false);
    expect(REFUSED).toContain(!result.ok && result.code);

    if (tenant.control === false) return;
    signInAs(owner[tenant.as]);
    const own = await action(tenant.input(owner));
    expect(own.ok || !REFUSED.includes(own.code), JSON.stringify(own)).toBe(true);
  });
});

// Valid inputs of the actions that take no id, for the tampering test (checked against the schema,
// so a refusal can only be the tampered field's doing).
const SAMPLES: Record<string, Record<string, unknown>> = {
  "server/actions/approvals.ts#createApprovalRuleAction": {
    condition: "TOTAL_ABOVE",
    amount: "100",
    approverRole: "APPROVER",
  },
  "server/actions/approvals.ts#updateApprovalWindowAction": { approvalWindowHours: 24 },
  "server/actions/cart.ts#addToCartAction": { product: "atelier-table", quantity: 1 },
  "server/actions/cart.ts#quickOrderAction": { text: "ACC-SCREEN-1600 2" },
  "server/actions/checkout.ts#submitCheckoutAction": {
    checkoutKey: "0190a5c4-8a5e-7cc0-9a5b-1b2c3d4e5f60",
    addressId: 1,
    carrierId: 1,
  },
  "server/actions/organisation-members.ts#inviteMemberAction": {
    email: "new.member@test.tradepost.example",
    role: "BUYER",
    spendingLimitPeriod: "MONTH",
  },
};
const TAMPERING: Record<string, unknown>[] = [
  { price: 1 },
  { unitPrice: 1 },
  { unitPriceMinor: 1 },
  { totalMinor: 1 },
  { discount: 9_000 },
  { discountBps: 10_000 },
  { organisationId: "00000000-0000-7000-8000-000000000000" },
  { role: "OPERATOR" },
  { role: "DATA_MANAGER" },
];
const memberCases = keys.filter((key) => key in SAMPLES || "as" in ACTIONS[key]!.tenant);

describe("field tampering: what the server decides is refused in the input, and nothing is written", () => {
  it("has a valid sample for every member action without an id", () => {
    const withoutId = keys.filter((key) => {
      const { tenant, permission } = ACTIONS[key]!;
      return "noId" in tenant && permission !== "public";
    });
    expect(withoutId.filter((key) => !(key in SAMPLES))).toEqual([]);
  });

  it.each(memberCases)("%s", async (key) => {
    const { tenant, input } = ACTIONS[key]!;
    const member =
      "as" in tenant ? tenant.as : key.includes("#submitCheckout") || key.includes("/cart.ts") ? "buyer" : "admin";
    const sample = "as" in tenant ? tenant.input(a) : SAMPLES[key]!;
    if (typeof input === "object" && "object" in input) {
      expect((input.object as z.ZodType).safeParse(sample).success, "the sample is valid").toBe(true);
    }
    const action = await loadAction(key);
    signInAs(a[member]);
    for (const fields of TAMPERING) {
      const result = await withoutWrites(() => action({ ...sample, ...fields }));
      expect(result, JSON.stringify(fields)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
  });
});

describe("inside one organisation: roles and ownership still hold", () => {
  it("a second buyer cannot reorder the first buyer's order (NOT_FOUND, nothing written)", async () => {
    const second = await createUser(db, { role: "BUYER", organisationId: a.organisation.id });
    signInAs(second);
    const action = await loadAction("server/actions/orders.ts#reorderAction");
    expect(await withoutWrites(() => action({ orderId: a.placed.id }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("an approver cannot decide a step that needs an org admin; the buyer who asked cannot decide at all", async () => {
    const order = await seedOrder(db, {
      organisationId: a.organisation.id,
      buyerId: a.buyer.id,
      status: "PENDING_APPROVAL",
      approvalExpiresAt: new Date(Date.now() + 86_400_000),
      approvalSteps: [{ reason: "Needs the org admin", requiredRole: "ORG_ADMIN", status: "WAITING" }],
    });
    const step = await db.approvalStep.findFirstOrThrow({ where: { orderId: order.id } });
    const action = await loadAction("server/actions/approvals.ts#approveApprovalStepAction");
    signInAs(a.approver);
    const byApprover = await withoutWrites(() => action({ stepId: step.id }));
    expect(byApprover.ok).toBe(false);
    expect(["FORBIDDEN", "INVALID_STATE"]).toContain(!byApprover.ok && byApprover.code);
    signInAs(a.buyer);
    expect(await withoutWrites(() => action({ stepId: step.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
