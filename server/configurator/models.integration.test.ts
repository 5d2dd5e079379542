// Configuration models against the real Medusa catalogue: creation linked to the Medusa
// product, drafts saved with a revision check, publishing after checks, immutability,
// rollback, discard, and who may do it.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../test/support/next-request-scope";
import { ok } from "../../test/support/actions";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { DEMO_TABLE_MODEL } from "../../prisma/seed/demo-table-model";
import type { TModelDefinition } from "@/lib/configurator/model";
import {
  createConfiguratorModelAction,
  createModelDraftAction,
  discardModelDraftAction,
  publishModelVersionAction,
  rollbackModelVersionAction,
  saveModelDraftAction,
} from "@/server/actions/configurator";
import { getPublishedModel } from "@/server/configurator/get-published-model";
import { loadPricingCatalog } from "@/server/pricing/load-catalog-facts";

const db = testDb();
afterAll(() => db.$disconnect());

let manager: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  await db.$executeRawUnsafe(
    `ALTER TABLE "ConfiguratorModelVersion" DISABLE TRIGGER "ConfiguratorModelVersion_immutable"`,
  );
  await db.configuratorModelVersion.deleteMany();
  await db.$executeRawUnsafe(
    `ALTER TABLE "ConfiguratorModelVersion" ENABLE TRIGGER "ConfiguratorModelVersion_immutable"`,
  );
  await db.externalLink.deleteMany({ where: { entityType: "product" } });
  await db.configuratorModel.deleteMany();
  manager = await createUser(db, { role: "DATA_MANAGER" });
  signInAs(manager);
});

async function publishedTable() {
  const { versionId, modelId } = ok(await createConfiguratorModelAction({ productHandle: "made-to-measure-table" }));
  ok(await saveModelDraftAction({ versionId, revision: 0, definition: DEMO_TABLE_MODEL }));
  ok(await publishModelVersionAction({ versionId }));

  return { versionId, modelId };
}

describe("configuration models", () => {
  it("starts a model from the Medusa product (its variants as a choice), linked in the external-ID table, audited", async () => {
    const { modelId, versionId } = ok(await createConfiguratorModelAction({ productHandle: "made-to-measure-table" }));
    const version = await db.configuratorModelVersion.findUniqueOrThrow({ where: { id: versionId } });
    const definition = version.definition as TModelDefinition;
    expect(definition.options[0]).toMatchObject({
      code: "variant",
      kind: "enum",
      values: expect.arrayContaining([expect.objectContaining({ sku: "TBL-ATELIER-WALNUT" })]),
    });
    expect(definition.options.map((option) => option.code)).toEqual([
      "variant",
      "width_mm",
      "depth_mm",
      "legs",
      "cable_port",
    ]);
    expect(
      await db.externalLink.findFirst({ where: { system: "MEDUSA", entityType: "product", localId: modelId } }),
    ).toMatchObject({ externalId: expect.stringMatching(/^prod_/) });
    expect(await db.auditLog.count({ where: { entityId: modelId, action: "configurator.model.created" } })).toBe(1);
    expect(await createConfiguratorModelAction({ productHandle: "made-to-measure-table" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await createConfiguratorModelAction({ productHandle: "no-such-product" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("saves a draft with field errors for nonsense, and refuses a save based on an old revision", async () => {
    const { versionId } = ok(await createConfiguratorModelAction({ productHandle: "made-to-measure-table" }));
    const broken = {
      ...DEMO_TABLE_MODEL,
      options: DEMO_TABLE_MODEL.options.map((option) =>
        option.code === "width_mm" ? { ...option, max: 500 } : option,
      ),
    };
    expect(await saveModelDraftAction({ versionId, revision: 0, definition: broken })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { "options.1.max": ["The maximum must be above the minimum."] },
    });
    expect(ok(await saveModelDraftAction({ versionId, revision: 0, definition: DEMO_TABLE_MODEL }))).toEqual({
      revision: 1,
    });
    expect(
      await saveModelDraftAction({ versionId, revision: 0, definition: { ...DEMO_TABLE_MODEL, constraints: [] } }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.configuratorModelVersion.findUniqueOrThrow({ where: { id: versionId } })).definition).toEqual(
      DEMO_TABLE_MODEL,
    );
    expect(
      await db.auditLog.findFirst({ where: { entityId: versionId, action: "configurator.version.saved" } }),
    ).toMatchObject({ actorId: manager.id, after: DEMO_TABLE_MODEL });
  });

  it("refuses to publish a model with errors (a SKU the product does not have)", async () => {
    const { versionId } = ok(await createConfiguratorModelAction({ productHandle: "made-to-measure-table" }));
    const wrongSku = {
      ...DEMO_TABLE_MODEL,
      options: DEMO_TABLE_MODEL.options.map((option) =>
        option.kind === "enum" && option.code === "top"
          ? {
              ...option,
              values: option.values.map((value) => (value.code === "oak" ? { ...value, sku: "CBL-ASSY-OM4" } : value)),
            }
          : option,
      ),
    };
    ok(await saveModelDraftAction({ versionId, revision: 0, definition: wrongSku }));
    expect(await publishModelVersionAction({ versionId })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message: expect.stringMatching(/selects CBL-ASSY-OM4, which is not a variant of this product/),
    });
    expect(await getPublishedModel("made-to-measure-table")).toBeNull();
  });

  it("publishes: buyers and pricing use it; it can no longer change or be deleted", async () => {
    const { versionId } = await publishedTable();
    expect(await getPublishedModel("made-to-measure-table")).toMatchObject({
      versionId,
      number: 1,
      definition: DEMO_TABLE_MODEL,
    });
    const table = (await loadPricingCatalog()).facts.products.find(
      (product) => product.handle === "made-to-measure-table",
    )!;
    expect(table.options.find((option) => option.code === "top")).toEqual({
      code: "top",
      label: "Top",
      kind: "choice",
      values: ["oak", "walnut", "glass"],
      default: "oak",
      skus: { oak: "TBL-ATELIER-OAK", walnut: "TBL-ATELIER-WALNUT", glass: "TBL-ATELIER-GLASS" },
    });
    expect(await saveModelDraftAction({ versionId, revision: 1, definition: DEMO_TABLE_MODEL })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });
    await expect(
      db.configuratorModelVersion.update({ where: { id: versionId }, data: { definition: {} } }),
    ).rejects.toThrow(/immutable/);
    await expect(db.configuratorModelVersion.delete({ where: { id: versionId } })).rejects.toThrow(/cannot be deleted/);
  });

  it("opens one draft at a time from the live version, and rolls back to an earlier version", async () => {
    const { versionId: v1, modelId } = await publishedTable();
    const { versionId: v2 } = ok(await createModelDraftAction({ modelId }));
    expect(await createModelDraftAction({ modelId })).toMatchObject({ ok: false, code: "CONFLICT" });
    ok(
      await saveModelDraftAction({ versionId: v2, revision: 0, definition: { ...DEMO_TABLE_MODEL, constraints: [] } }),
    );
    ok(await publishModelVersionAction({ versionId: v2 }));
    expect((await getPublishedModel("made-to-measure-table"))!.definition.constraints).toEqual([]);
    const { number } = ok(await rollbackModelVersionAction({ versionId: v1 }));
    expect(number).toBe(3);
    expect(await getPublishedModel("made-to-measure-table")).toMatchObject({ number: 3, definition: DEMO_TABLE_MODEL });
  });

  it("discards a draft, keeping its definition in the audit log", async () => {
    const { versionId, modelId } = ok(await createConfiguratorModelAction({ productHandle: "cable-assembly" }));
    expect(ok(await discardModelDraftAction({ versionId }))).toEqual({ modelDeleted: true });
    expect(await db.configuratorModel.findUnique({ where: { id: modelId } })).toBeNull();
    expect(
      await db.auditLog.findFirst({ where: { entityId: versionId, action: "configurator.version.discarded" } }),
    ).toMatchObject({ before: expect.objectContaining({ productHandle: "cable-assembly" }) });
  });

  it("never gives a discarded draft's number to a later version", async () => {
    const { modelId } = await publishedTable();
    const discarded = ok(await createModelDraftAction({ modelId }));
    expect(discarded.number).toBe(2);
    ok(await discardModelDraftAction({ versionId: discarded.versionId }));
    expect(ok(await createModelDraftAction({ modelId })).number).toBe(3);
  });

  it.each([
    ["a buyer", async () => (await createOrganisationWithMembers(db)).buyer],
    ["an org admin", async () => (await createOrganisationWithMembers(db)).admin],
    ["an operator", () => createUser(db, { role: "OPERATOR" })],
  ])("refuses %s every model action", async (_label, who) => {
    signInAs(await who());
    const attempts = await Promise.all([
      createConfiguratorModelAction({ productHandle: "made-to-measure-table" }),
      saveModelDraftAction({
        versionId: "00000000-0000-4000-8000-000000000000",
        revision: 0,
        definition: DEMO_TABLE_MODEL,
      }),
      publishModelVersionAction({ versionId: "00000000-0000-4000-8000-000000000000" }),
    ]);
    expect(attempts.map((result) => (result.ok ? "ok" : result.code))).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    expect(await db.configuratorModel.count()).toBe(0);
  });
});
