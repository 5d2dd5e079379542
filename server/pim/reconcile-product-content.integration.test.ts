// The PIM reconciliation against the real Strapi of the test stack: an editor's change whose
// webhook never arrives (in this tier no app listens at APP_URL, where Strapi posts, so every
// delivery of this file's edits is lost) reaches the reader once the job has run; so does an
// unpublish; and a second run changes nothing. The reader here is another "instance" than the
// worker's: it learns of changes only through PimContentVersion.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strapiEditor, type TStrapiEditor } from "../../test/support/strapi-editor";
import { testDb } from "../../test/support/db";
import { reconcileProductContentJob } from "@/server/jobs/definitions/reconcile-product-content";
import { stopSender } from "@/server/jobs/enqueue";
import { getProductContent } from "@/server/pim/get-product-content";
import type { TContentReconcileOutcome } from "@/server/pim/reconcile-product-content";

const raw = testDb();
let editor: TStrapiEditor;
const created: string[] = [];
// The reader looks at the version table at most every 3 s.
const VERSION_POLL_MS = 3_500;

beforeAll(async () => {
  editor = await strapiEditor();
});
afterAll(async () => {
  for (const documentId of created) await editor.remove(documentId).catch(() => undefined);
  await stopSender();
  await raw.$disconnect();
});

async function runJob(): Promise<TContentReconcileOutcome> {
  const handler = await reconcileProductContentJob.load();

  return (await handler({}, { jobId: randomUUID(), attempt: 0, correlationId: "test" })) as TContentReconcileOutcome;
}
const titleOf = async (sku: string) => (await getProductContent({ skus: [sku], locale: "en" }))?.title ?? null;
const versionOf = (sku: string, locale = "en") =>
  raw.pimContentVersion.findUnique({ where: { sku_locale: { sku, locale } } });

describe("reconciling product content by updatedAt", () => {
  it("is scheduled every 5 minutes unless STRAPI_RECONCILE_CRON says otherwise", () => {
    expect(reconcileProductContentJob.schedule).toBe("*/5 * * * *");
  });

  it("a change whose webhook was lost reaches the reader after the job; an unpublish removes it; twice changes nothing", async () => {
    // The first run lists everything Strapi publishes (the demo content) and sets the watermark.
    const first = await runJob();
    expect(first).toMatchObject({ completeListings: ["en", "de"], removed: 0 });
    expect(await versionOf("ACC-ARM-DUAL", "de")).toMatchObject({ version: expect.stringContaining("|") });
    const cursor = await raw.syncCursor.findUniqueOrThrow({ where: { name: "strapi.product-content" } });
    expect(cursor).toMatchObject({
      lastRunOk: true,
      writeDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });

    const sku = `TEST-RECON-${randomUUID().slice(0, 8).toUpperCase()}`;
    const documentId = await editor.create("en", { sku, title: "Before the edit" });
    created.push(documentId);
    expect(await titleOf(sku)).toBe("Before the edit");

    await editor.update(documentId, "en", { title: "After the edit" });
    await editor.publish(documentId, "en");
    await sleep(VERSION_POLL_MS);
    // No webhook reached this process and nothing recorded the change: the cached copy stays.
    expect(await titleOf(sku)).toBe("Before the edit");

    const changed = await runJob();
    // Only what changed since the watermark was read (the new entry, and its re-publish).
    expect(changed).toMatchObject({ completeListings: [], removed: 0 });
    expect((changed as { changed: number }).changed).toBeGreaterThanOrEqual(1);
    expect((await versionOf(sku))?.version).toMatch(new RegExp(`^${documentId}\\|`));
    await sleep(VERSION_POLL_MS);
    expect(await titleOf(sku)).toBe("After the edit");

    await editor.unpublish(documentId, "en");
    const removed = await runJob();
    // Nothing to find by date: Strapi's count of published entries told the job to list them all.
    expect(removed).toMatchObject({ removed: 1, completeListings: expect.arrayContaining(["en"]) });
    expect(await versionOf(sku)).toMatchObject({ version: null });
    await sleep(VERSION_POLL_MS);
    expect(await titleOf(sku)).toBeNull();

    const before = await raw.pimContentVersion.findMany({ orderBy: [{ sku: "asc" }, { locale: "asc" }] });
    const again = await runJob();
    expect(again).toMatchObject({ changed: 0, removed: 0 });
    expect(await raw.pimContentVersion.findMany({ orderBy: [{ sku: "asc" }, { locale: "asc" }] })).toEqual(before);
  });
});
