import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { ok } from "../../test/support/actions";
import { catalogueBasePrices, testCurrency } from "../../test/support/pricing";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { priceLine } from "@/lib/pricing/evaluate";
import type { TPricingRule } from "@/lib/pricing/rules";
import { saveRuleAction } from "@/server/actions/pricing-rules";
import {
  approveVersionAction,
  createDraftAction,
  createRuleSetAction,
  discardVersionAction,
  publishVersionAction,
  rejectVersionAction,
  rollbackToVersionAction,
  submitVersionAction,
  unscheduleVersionAction,
  withdrawVersionAction,
} from "@/server/actions/pricing-versions";
import { getLivePricing, getLiveVersionRef } from "@/server/pricing/get-live-pricing";
import { findRuleSets } from "@/server/pricing/find-rule-sets";
import { getVersionOrThrow } from "@/server/pricing/version-records";

const db = testDb();
afterAll(() => db.$disconnect());

let maker: Awaited<ReturnType<typeof createUser>>;
let checker: Awaited<ReturnType<typeof createUser>>;
let orgA: Awaited<ReturnType<typeof createOrganisationWithMembers>>;
let basePrices: TPricingRule[];

beforeAll(async () => {
  [maker, checker, orgA] = await Promise.all([
    createUser(db, { role: "DATA_MANAGER" }),
    createUser(db, { role: "DATA_MANAGER" }),
    createOrganisationWithMembers(db),
  ]);
  basePrices = await catalogueBasePrices();
});
beforeEach(() => signInAs(null));

/** A rule set whose first draft holds `rules`, written as the maker. */
async function draftWith(rules: TPricingRule[]) {
  signInAs(maker);
  const currency = testCurrency();
  const { ruleSetId, versionId } = ok(await createRuleSetAction({ name: `Prices ${currency}`, currency }));
  await db.pricingRuleSetVersion.update({ where: { id: versionId }, data: { rules } });

  return { ruleSetId, versionId, currency };
}

/** Submit as the maker, approve as the checker, publish as the maker. */
async function publish(versionId: string, effectiveFrom: string | null = null) {
  signInAs(maker);
  ok(await submitVersionAction({ versionId }));
  signInAs(checker);
  ok(await approveVersionAction({ versionId }));
  signInAs(maker);

  return ok(await publishVersionAction({ versionId, effectiveFrom }));
}

const tablePrice = async (currency: string) => {
  const compiled = await getLivePricing(currency);
  const sku = basePrices[0]!.kind === "base_price" ? basePrices[0]!.sku : "";
  const result = priceLine(compiled!, {
    sku,
    product: "x",
    categories: [],
    configuration: {},
    organisationId: orgA.organisation.id,
    quantity: 1,
    at: new Date(),
  });

  return result.ok ? result.unitPrice : null;
};

describe("maker–checker publishing", () => {
  it("takes a draft through submit, approval by a second data manager and publish, each step audited", async () => {
    const { versionId, currency } = await draftWith(basePrices);
    signInAs(maker);
    expect(await publishVersionAction({ versionId, effectiveFrom: null })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message: expect.stringMatching(/before a second data manager approves/),
    });
    ok(await submitVersionAction({ versionId }));
    expect(await approveVersionAction({ versionId })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringMatching(/You submitted this version/),
    });
    signInAs(checker);
    ok(await approveVersionAction({ versionId }));
    signInAs(maker);
    ok(await publishVersionAction({ versionId, effectiveFrom: null }));

    expect(await getLiveVersionRef(currency)).toMatchObject({ id: versionId, number: 1 });
    const version = await db.pricingRuleSetVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(version).toMatchObject({
      status: "PUBLISHED",
      submittedById: maker.id,
      approvedById: checker.id,
      publishedById: maker.id,
    });
    const actions = await db.auditLog.findMany({
      where: { entityId: versionId },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual([
      "pricing.version.submitted",
      "pricing.version.approved",
      "pricing.version.published",
    ]);
  });

  it("does not let a data manager who edited the version approve it", async () => {
    const { versionId } = await draftWith(basePrices);
    signInAs(checker);
    ok(
      await saveRuleAction({
        versionId,
        rule: { kind: "tier", minQuantity: 5, mode: "percent", bps: 200 },
        before: null,
      }),
    );
    signInAs(maker);
    ok(await submitVersionAction({ versionId }));
    signInAs(checker);
    expect(await approveVersionAction({ versionId })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringMatching(/You edited this version/),
    });
    expect((await getVersionOrThrow(versionId)).status).toBe("PENDING_APPROVAL");
  });

  it("blocks submitting while errors remain, and sends a rejected version back to draft with the reason", async () => {
    const { versionId } = await draftWith(basePrices.slice(1));
    signInAs(maker);
    expect(await submitVersionAction({ versionId })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message: "1 error must be fixed first.",
    });
    await db.pricingRuleSetVersion.update({ where: { id: versionId }, data: { rules: basePrices } });
    ok(await submitVersionAction({ versionId }));
    expect(
      await saveRuleAction({
        versionId,
        rule: { kind: "tier", minQuantity: 5, mode: "percent", bps: 200 },
        before: null,
      }),
    ).toMatchObject({ ok: false, code: "INVALID_STATE" });
    signInAs(checker);
    expect(await rejectVersionAction({ versionId, reason: "" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { reason: ["Say what needs to change."] },
    });
    ok(await rejectVersionAction({ versionId, reason: "Tiers missing" }));
    expect((await getVersionOrThrow(versionId)).status).toBe("DRAFT");
    expect(
      await db.auditLog.findFirst({ where: { entityId: versionId, action: "pricing.version.rejected" } }),
    ).toMatchObject({ actorId: checker.id, after: { status: "DRAFT", reason: "Tiers missing" } });
  });

  it("lets the maker withdraw an approved version to edit it again, dropping the approval", async () => {
    const { versionId } = await draftWith(basePrices);
    signInAs(maker);
    ok(await submitVersionAction({ versionId }));
    signInAs(checker);
    ok(await approveVersionAction({ versionId }));
    signInAs(maker);
    ok(await withdrawVersionAction({ versionId }));
    expect(await db.pricingRuleSetVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({
      status: "DRAFT",
      approvedById: null,
      submittedById: null,
    });
  });
});

describe("published versions", () => {
  it("are immutable: the app refuses edits and the database refuses changes and deletion", async () => {
    const { versionId } = await draftWith(basePrices);
    await publish(versionId);
    expect(
      await saveRuleAction({
        versionId,
        rule: { kind: "tier", minQuantity: 5, mode: "percent", bps: 200 },
        before: null,
      }),
    ).toMatchObject({ ok: false, code: "INVALID_STATE" });
    await expect(db.pricingRuleSetVersion.update({ where: { id: versionId }, data: { rules: [] } })).rejects.toThrow(
      /immutable/,
    );
    await expect(
      db.pricingRuleSetVersion.update({ where: { id: versionId }, data: { status: "DRAFT" } }),
    ).rejects.toThrow(/immutable/);
    await expect(db.pricingRuleSetVersion.delete({ where: { id: versionId } })).rejects.toThrow(/cannot be deleted/);
    expect(await discardVersionAction({ versionId })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect((await getVersionOrThrow(versionId)).rules).toEqual(basePrices);
  });

  it("keep exactly one live version per currency: a new publish supersedes the old, which stays readable", async () => {
    const { ruleSetId, versionId: v1, currency } = await draftWith(basePrices);
    await publish(v1);
    signInAs(maker);
    const { versionId: v2 } = ok(await createDraftAction({ ruleSetId }));
    expect((await getVersionOrThrow(v2)).rules).toEqual(basePrices);
    ok(await saveRuleAction({ versionId: v2, rule: { ...basePrices[0]!, amount: 55_500 }, before: basePrices[0]! }));
    await publish(v2);

    expect((await getLiveVersionRef(currency))?.id).toBe(v2);
    expect(await tablePrice(currency)).toBe(55_500);
    const listed = (await findRuleSets()).find((set) => set.id === ruleSetId)!;
    expect(listed.versions.map((version) => [version.number, version.state])).toEqual([
      [2, "live"],
      [1, "superseded"],
    ]);
    expect(await db.pricingRuleSetVersion.count({ where: { ruleSetId, status: "PUBLISHED" } })).toBe(2);
  });

  it("allow one open draft per rule set, also when two data managers start one at the same time", async () => {
    const { ruleSetId, versionId } = await draftWith(basePrices);
    await publish(versionId);
    signInAs(maker);
    const results = await Promise.all([createDraftAction({ ruleSetId }), createDraftAction({ ruleSetId })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Version 2 is still open/),
    });
    expect(await db.pricingRuleSetVersion.count({ where: { ruleSetId, status: "DRAFT" } })).toBe(1);
  });

  it("never give a discarded draft's number to a later version (the audit log still names it)", async () => {
    const { ruleSetId, versionId } = await draftWith(basePrices);
    await publish(versionId);
    signInAs(maker);
    const discarded = ok(await createDraftAction({ ruleSetId }));
    expect(discarded.number).toBe(2);
    ok(await discardVersionAction({ versionId: discarded.versionId }));
    expect(ok(await createDraftAction({ ruleSetId })).number).toBe(3);
  });
});

describe("rollback", () => {
  it("publishes a copy of an earlier version, live at once, and keeps the replaced one untouched", async () => {
    const { ruleSetId, versionId: v1, currency } = await draftWith(basePrices);
    await publish(v1);
    signInAs(maker);
    const { versionId: v2 } = ok(await createDraftAction({ ruleSetId }));
    ok(await saveRuleAction({ versionId: v2, rule: { ...basePrices[0]!, amount: 77_700 }, before: basePrices[0]! }));
    await publish(v2);
    expect(await tablePrice(currency)).toBe(77_700);

    signInAs(checker);
    const { versionId: v3, number } = ok(await rollbackToVersionAction({ versionId: v1 }));
    expect(number).toBe(3);
    expect((await getLiveVersionRef(currency))?.id).toBe(v3);
    expect(await tablePrice(currency)).toBe(basePrices[0]!.kind === "base_price" ? basePrices[0]!.amount : -1);
    expect(await db.pricingRuleSetVersion.findUniqueOrThrow({ where: { id: v3 } })).toMatchObject({
      status: "PUBLISHED",
      basedOnId: v1,
      note: "Rollback to version 1",
      rules: basePrices,
    });
    expect((await getVersionOrThrow(v2)).rules.find((item) => item.id === basePrices[0]!.id)).toMatchObject({
      amount: 77_700,
    });
    expect(
      await db.auditLog.findFirst({ where: { entityId: v3, action: "pricing.version.rolled_back" } }),
    ).toMatchObject({
      actorId: checker.id,
      before: { live: 2 },
      after: { live: 3, restored: 1, changes: { added: 0, removed: 0, changed: 1 } },
    });
    expect(await rollbackToVersionAction({ versionId: v3 })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message: "Version 3 is already live.",
    });
  });
});

describe("scheduled go-live", () => {
  it("goes live by itself at its time, with no job, and can be unscheduled before", async () => {
    const { ruleSetId, versionId: v1, currency } = await draftWith(basePrices);
    await publish(v1);
    signInAs(maker);
    const { versionId: v2 } = ok(await createDraftAction({ ruleSetId }));
    ok(await saveRuleAction({ versionId: v2, rule: { ...basePrices[0]!, amount: 12_345 }, before: basePrices[0]! }));
    const goLive = new Date(Date.now() + 1_500);
    expect(await publish(v2, goLive.toISOString())).toMatchObject({ scheduled: true });

    expect((await getLiveVersionRef(currency))?.id).toBe(v1);
    expect(
      (await findRuleSets()).find((set) => set.id === ruleSetId)!.versions.map((version) => version.state),
    ).toEqual(["scheduled", "live"]);
    await new Promise((resolve) => setTimeout(resolve, goLive.getTime() - Date.now() + 100));
    expect((await getLiveVersionRef(currency))?.id).toBe(v2);
    expect(await tablePrice(currency)).toBe(12_345);
    expect(await unscheduleVersionAction({ versionId: v2 })).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });

  it("unschedules a future version back to approved, and refuses a go-live in the past", async () => {
    const { versionId, currency } = await draftWith(basePrices);
    signInAs(maker);
    ok(await submitVersionAction({ versionId }));
    signInAs(checker);
    ok(await approveVersionAction({ versionId }));
    expect(await publishVersionAction({ versionId, effectiveFrom: "2020-01-01T00:00:00Z" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { effectiveFrom: ["Choose a time from now on."] },
    });
    ok(await publishVersionAction({ versionId, effectiveFrom: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(await getLiveVersionRef(currency)).toBeNull();
    ok(await unscheduleVersionAction({ versionId }));
    expect(await db.pricingRuleSetVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({
      status: "APPROVED",
      effectiveFrom: null,
      publishedAt: null,
    });
  });
});

describe("who may manage prices", () => {
  it.each([
    ["a buyer", () => orgA.buyer],
    ["an org admin", () => orgA.admin],
    ["an operator", () => createUser(db, { role: "OPERATOR" })],
  ])("refuses %s every pricing action, changing nothing", async (_label, who) => {
    const { ruleSetId, versionId } = await draftWith(basePrices);
    signInAs(await who());
    const attempts = await Promise.all([
      createRuleSetAction({ name: "Sneaky", currency: "ZZZ" }),
      createDraftAction({ ruleSetId }),
      saveRuleAction({ versionId, rule: { kind: "tier", minQuantity: 5, mode: "percent", bps: 200 }, before: null }),
      submitVersionAction({ versionId }),
      approveVersionAction({ versionId }),
      publishVersionAction({ versionId, effectiveFrom: null }),
      rollbackToVersionAction({ versionId }),
      discardVersionAction({ versionId }),
    ]);
    expect(attempts.map((result) => (result.ok ? "ok" : result.code))).toEqual(Array(8).fill("FORBIDDEN"));
    expect((await getVersionOrThrow(versionId)).rules).toEqual(basePrices);
    expect(await db.pricingRuleSet.count({ where: { currency: "ZZZ" } })).toBe(0);
  });
});
