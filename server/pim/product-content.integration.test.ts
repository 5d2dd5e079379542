// The PIM gateway against the real Strapi the test stack starts (with its demo content): what the
// storefront reads (published only, by SKU and locale, English when the locale has none), its
// cache and its bound, a Strapi that does not answer, and Strapi's own webhook deliveries making
// the next read fresh. Entries made here have SKUs of their own: the demo content is only read.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../test/support/free-port";
import { strapiEditor, type TStrapiEditor } from "../../test/support/strapi-editor";
import { testDb } from "../../test/support/db";
import { checkHealth } from "@/server/health/check-health";
import { processInboundDelivery } from "@/server/integrations/process-inbound-delivery";
import { stopSender } from "@/server/jobs/enqueue";
import { strapiSettings } from "@/server/pim/client";
import {
  cachedContentCount,
  CONTENT_CACHE_MAX_ENTRIES,
  contentCacheKey,
  currentGeneration,
  expireProductContent,
  readCachedContent,
  writeCachedContent,
} from "@/server/pim/content-cache";
import { findPublishedProductContents } from "@/server/pim/find-published-product-contents";
import { getProductContent } from "@/server/pim/get-product-content";
import { receiveStrapiWebhook } from "@/server/pim/receive-strapi-webhook";

const raw = testDb();
let editor: TStrapiEditor;
const created: string[] = [];
const uniqueSku = (prefix: string) => `TEST-${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
const settings = () => {
  const value = strapiSettings();
  if (!value) throw new Error("STRAPI_URL and STRAPI_API_TOKEN are not set: run through `npm test`.");

  return value;
};

beforeAll(async () => {
  editor = await strapiEditor();
});
afterAll(async () => {
  for (const documentId of created) await editor.remove(documentId).catch(() => undefined);
  await stopSender();
  await raw.$disconnect();
});

async function createContent(sku: string, title: string, options: { publish?: boolean; locale?: string } = {}) {
  const documentId = await editor.create(
    options.locale ?? "en",
    {
      sku,
      title,
      description: [{ type: "paragraph", children: [{ type: "text", text: `${title}, described.` }] }],
      specifications: [{ label: "Weight", value: "2", unit: "kg" }],
    },
    { publish: options.publish ?? true },
  );
  created.push(documentId);

  return documentId;
}

describe("reading product content", () => {
  it("reads a demo product's published German content: gallery with its formats, specifications, data sheet", async () => {
    expireProductContent("ACC-ARM-DUAL");
    const content = await getProductContent({ skus: ["ACC-ARM-DUAL"], locale: "de" });

    expect(content).toMatchObject({ sku: "ACC-ARM-DUAL", locale: "de", title: "Doppel-Monitorarm" });
    expect(content?.description[0]).toMatchObject({ type: "paragraph" });
    expect(content?.description[1]).toMatchObject({ type: "list", format: "unordered" });
    expect(content?.specifications).toContainEqual({ label: "VESA", value: "75 × 75, 100 × 100", unit: "mm" });
    expect(content?.images).toHaveLength(2);
    const [image] = content!.images;
    expect(image!.sources.map((source) => source.width)).toEqual([208, 500, 750, 1000, 1200]);
    expect(image!.url.startsWith(settings().publicUrl)).toBe(true);
    const picture = await fetch(image!.sources[1]!.url);
    expect(picture.headers.get("content-type")).toBe("image/jpeg");
    const [sheet] = content!.documents;
    expect(sheet).toMatchObject({ mime: "application/pdf", name: "acc-arm-dual-data-sheet.pdf" });
    const pdf = Buffer.from(await (await fetch(sheet!.url)).arrayBuffer());
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
  });

  it("takes the first of the product's SKUs that has content", async () => {
    const content = await getProductContent({ skus: ["NO-SUCH-SKU", "ACC-FEET-M8", "ACC-ARM-DUAL"], locale: "en" });

    expect(content?.sku).toBe("ACC-FEET-M8");
  });

  it("falls back to English when the asked locale has no content, and reads the locale once it has", async () => {
    const sku = uniqueSku("EN-ONLY");
    const documentId = await createContent(sku, "English only");

    expect(await getProductContent({ skus: [sku], locale: "de" })).toMatchObject({
      locale: "en",
      title: "English only",
    });

    await editor.update(documentId, "de", { sku, title: "Nur Deutsch" });
    await editor.publish(documentId, "de");
    expect(await getProductContent({ skus: [sku], locale: "de" })).toMatchObject({ locale: "en" }); // still cached
    expireProductContent(sku);
    expect(await getProductContent({ skus: [sku], locale: "de" })).toMatchObject({
      locale: "de",
      title: "Nur Deutsch",
    });
  });

  it("never shows drafts: a draft-only entry has no content, a published one keeps its published text", async () => {
    const draftSku = uniqueSku("DRAFT");
    await createContent(draftSku, "Not yet", { publish: false });
    expect(await findPublishedProductContents(settings(), { skus: [draftSku], locale: "en" })).toEqual([]);
    expect(await getProductContent({ skus: [draftSku], locale: "en" })).toBeNull();

    const sku = uniqueSku("PUBLISHED");
    const documentId = await createContent(sku, "Published title");
    await editor.update(documentId, "en", { title: "Draft title, unpublished" });
    expireProductContent(sku);
    expect((await getProductContent({ skus: [sku], locale: "en" }))?.title).toBe("Published title");
  });

  it("renders without content when Strapi does not answer, without waiting on it again for a while", async () => {
    const down = { ...settings(), url: `http://127.0.0.1:${await freePort()}` };
    const sku = uniqueSku("DOWN");
    const started = performance.now();

    expect(await getProductContent({ skus: [sku], locale: "en" }, down)).toBeNull();
    expect(readCachedContent(contentCacheKey([sku], "en"))).toMatchObject({ failed: true, value: null });
    expect(await getProductContent({ skus: [sku], locale: "en" }, down)).toBeNull();
    expect(performance.now() - started).toBeLessThan(settings().timeoutMs);
  });

  it("keeps the last content read while Strapi is away", async () => {
    const sku = uniqueSku("STALE");
    await createContent(sku, "Last known");
    const key = contentCacheKey([sku], "en");
    expect((await getProductContent({ skus: [sku], locale: "en" }))?.title).toBe("Last known");
    // Aged past the cache time, then read with Strapi unreachable.
    writeCachedContent(key, { ...readCachedContent(key)!, at: 0 }, currentGeneration());
    const down = { ...settings(), url: `http://127.0.0.1:${await freePort()}` };

    expect((await getProductContent({ skus: [sku], locale: "en" }, down))?.title).toBe("Last known");
  });

  it("holds at most its bound of entries, dropping the oldest", () => {
    const generation = currentGeneration();
    for (let index = 0; index < CONTENT_CACHE_MAX_ENTRIES + 50; index += 1) {
      writeCachedContent(`bound:${index}`, { at: Date.now(), value: null, failed: false, skus: [] }, generation);
    }

    expect(cachedContentCount()).toBe(CONTENT_CACHE_MAX_ENTRIES);
    expect(readCachedContent("bound:0")).toBeUndefined();
    expect(readCachedContent(`bound:${CONTENT_CACHE_MAX_ENTRIES + 49}`)).toBeDefined();
  });
});

describe("health", () => {
  it("reports the PIM with the app's own token, without counting it towards the app's status", async () => {
    const health = await checkHealth();

    expect(health.checks.pim).toMatchObject({ status: "ok", detail: "Strapi", latencyMs: expect.any(Number) });
  });
});

describe("Strapi's webhook", () => {
  // Strapi posts to the app's URL (APP_URL): in the integration tier no app runs there, so this
  // test listens in its place and hands each delivery to the receiver, as the route does.
  let server: Server;
  const received: { status: string; deliveryId?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const headers = new Headers(
          Object.entries(request.headers).flatMap(([name, value]) =>
            typeof value === "string" ? [[name, value] as [string, string]] : [],
          ),
        );
        void receiveStrapiWebhook({ headers, body: new Response(body).body }).then((outcome) => {
          received.push({
            status: outcome.status,
            deliveryId: "deliveryId" in outcome ? outcome.deliveryId : undefined,
            body,
          });
          response.end("ok");
        });
      });
    });
    const port = Number(new URL(process.env.APP_URL!).port);
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const deliveriesOf = (sku: string, event: string) =>
    received.filter(
      (delivery) => delivery.body.includes(`"sku":"${sku}"`) && delivery.body.includes(`"event":"${event}"`),
    );
  async function waitFor<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("refuses a delivery without the secret: recorded as rejected, the cache untouched", async () => {
    const sku = uniqueSku("FORGED");
    const key = contentCacheKey([sku], "en");
    writeCachedContent(key, { at: Date.now(), value: null, failed: false, skus: [sku] }, currentGeneration());
    const body = JSON.stringify({ event: "entry.publish", model: "product-content", entry: { sku, documentId: "x" } });
    const outcome = await receiveStrapiWebhook({
      headers: new Headers({
        "content-type": "application/json",
        "x-tradepost-webhook-secret": "guess-guess-guess-guess",
      }),
      body: new Response(body).body,
    });

    expect(outcome).toMatchObject({ status: "rejected", refusal: "not-found" });
    expect(readCachedContent(key)).toBeDefined();
    const rows = await raw.inboundDelivery.findMany({ where: { source: "strapi", body } });
    expect(rows).toMatchObject([{ status: "REJECTED", reason: "Missing or wrong x-tradepost-webhook-secret." }]);
  });

  it("an editor's publish reaches the inbox once and the next read shows it; a repeat is a duplicate", async () => {
    const sku = uniqueSku("HOOK");
    const documentId = await createContent(sku, "Before the edit");
    expect((await getProductContent({ skus: [sku], locale: "en" }))?.title).toBe("Before the edit");

    await editor.update(documentId, "en", { title: "After the edit" });
    await editor.publish(documentId, "en");
    const delivery = await waitFor(() =>
      deliveriesOf(sku, "entry.publish").find((d) => d.body.includes("After the edit")),
    );

    expect(delivery.status).toBe("accepted");
    expect((await getProductContent({ skus: [sku], locale: "en" }))?.title).toBe("After the edit");
    const row = await raw.inboundDelivery.findUniqueOrThrow({ where: { id: delivery.deliveryId! } });
    expect(row).toMatchObject({ source: "strapi", status: "ACCEPTED", subjectType: "product-content", subjectId: sku });
    expect(JSON.stringify(row.headers)).not.toContain(process.env.STRAPI_WEBHOOK_SECRET!);

    const repeat = await receiveStrapiWebhook({
      headers: new Headers({
        "content-type": "application/json",
        "x-tradepost-webhook-secret": process.env.STRAPI_WEBHOOK_SECRET!,
      }),
      body: new Response(delivery.body).body,
    });
    expect(repeat).toMatchObject({ status: "duplicate" });

    await processInboundDelivery({ deliveryId: row.id }, { jobId: randomUUID(), attempt: 0, correlationId: "c" });
    const processed = await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(processed.status).toBe("PROCESSED");
    expect(processed.reason).toContain('published "After the edit"');
    // Recorded for the other app instances, which expire their copies when the version changes.
    expect(await raw.pimContentVersion.findUnique({ where: { sku_locale: { sku, locale: "en" } } })).toMatchObject({
      version: expect.stringMatching(new RegExp(`^${documentId}\\|`)),
    });
  });

  it("unpublishing removes the content from the next read", async () => {
    const sku = uniqueSku("UNPUB");
    const documentId = await createContent(sku, "Soon gone");
    expect(await getProductContent({ skus: [sku], locale: "en" })).not.toBeNull();

    await editor.unpublish(documentId, "en");
    await waitFor(() => deliveriesOf(sku, "entry.unpublish")[0]);

    expect(await getProductContent({ skus: [sku], locale: "en" })).toBeNull();
  });
});
