import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDb } from "../../test/support/db";
import { getExternalId, linkExternalRecord } from "@/server/integrations/link-external-record";
import { AppError } from "@/lib/errors";

const db = testDb();
afterAll(() => db.$disconnect());

const localId = () => randomUUID();
const externalId = () => String(Math.floor(Math.random() * 1e9));

describe("the external-ID map", () => {
  it("links a record and finds it from either side", async () => {
    const ours = localId();
    const theirs = externalId();
    await linkExternalRecord({
      system: "ODOO",
      entityType: "organisation",
      localId: ours,
      externalId: theirs,
      syncHash: "h1",
    });

    expect(await getExternalId({ system: "ODOO", entityType: "organisation", localId: ours })).toBe(theirs);
    expect(
      await db.externalLink.findMany({ where: { externalId: theirs }, select: { localId: true, syncHash: true } }),
    ).toEqual([{ localId: ours, syncHash: "h1" }]);
  });

  it("is idempotent for the same pair (refreshes the sync hash, adds no row)", async () => {
    const link = {
      system: "MEDUSA" as const,
      entityType: "organisation" as const,
      localId: localId(),
      externalId: `cus_${externalId()}`,
    };
    await linkExternalRecord({ ...link, syncHash: "a" });
    await linkExternalRecord({ ...link, syncHash: "b" });

    expect(await db.externalLink.findMany({ where: { localId: link.localId }, select: { syncHash: true } })).toEqual([
      { syncHash: "b" },
    ]);
  });

  it("refuses a second link for the same external record", async () => {
    const theirs = externalId();
    await linkExternalRecord({ system: "ODOO", entityType: "order", localId: localId(), externalId: theirs });

    const second = linkExternalRecord({ system: "ODOO", entityType: "order", localId: localId(), externalId: theirs });
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.externalLink.count({ where: { system: "ODOO", entityType: "order", externalId: theirs } })).toBe(1);
  });

  it("refuses to link one of our records to a second external record of the same system", async () => {
    const ours = localId();
    await linkExternalRecord({ system: "ODOO", entityType: "order", localId: ours, externalId: externalId() });
    await expect(
      linkExternalRecord({ system: "ODOO", entityType: "order", localId: ours, externalId: externalId() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("holds under concurrency: of many simultaneous links for one external record, exactly one wins", async () => {
    const theirs = externalId();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        linkExternalRecord({ system: "ODOO", entityType: "user", localId: localId(), externalId: theirs }),
      ),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      results
        .filter((result) => result.status === "rejected")
        .map((result) => (result as PromiseRejectedResult).reason.code),
    ).toEqual(Array(7).fill("CONFLICT"));
    expect(await db.externalLink.count({ where: { externalId: theirs } })).toBe(1);
  });

  it("is enforced by the database itself, not only by the code", async () => {
    const theirs = externalId();
    await db.externalLink.create({
      data: { system: "PIM", entityType: "product", localId: localId(), externalId: theirs },
    });
    await expect(
      db.externalLink.create({
        data: { system: "PIM", entityType: "product", localId: localId(), externalId: theirs },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("rejects malformed links before touching the database", async () => {
    await expect(
      linkExternalRecord({ system: "SAP" as never, entityType: "organisation", localId: "x", externalId: "1" }),
    ).rejects.toThrow();
    await expect(
      linkExternalRecord({ system: "ODOO", entityType: "organisation", localId: "", externalId: "1" }),
    ).rejects.toThrow();
  });
});
