import { describe, expect, it } from "vitest";
import { parseStrapiWebhook } from "@/server/pim/strapi-webhook-request";

const delivery = (event: string, entry: Record<string, unknown>) =>
  JSON.stringify({ event, createdAt: "2026-12-03T10:00:00.000Z", model: "product-content", entry });
const entry = {
  id: 21,
  documentId: "cwofxzbuam618ou5tgp19ui6",
  sku: "ACC-ARM-DUAL",
  locale: "en",
  updatedAt: "2026-12-03T10:00:00.000Z",
  publishedAt: "2026-12-03T10:00:01.000Z",
};

describe("parseStrapiWebhook", () => {
  it("names the SKU as the subject and keys a retry of the same change the same", () => {
    const first = parseStrapiWebhook(delivery("entry.publish", entry));
    const retry = parseStrapiWebhook(delivery("entry.publish", { ...entry, title: "changed in the hint only" }));

    expect(first).toMatchObject({ ok: true, webhook: { model: "product-content", subjectId: "ACC-ARM-DUAL" } });
    expect(first.ok && retry.ok && first.webhook.dedupeKey === retry.webhook.dedupeKey).toBe(true);
  });

  it("keys a second publish, another locale and another event apart", () => {
    const keyOf = (text: string) => {
      const parsed = parseStrapiWebhook(text);
      if (!parsed.ok) throw new Error(parsed.message);

      return parsed.webhook.dedupeKey;
    };
    const keys = new Set([
      keyOf(delivery("entry.publish", entry)),
      keyOf(delivery("entry.publish", { ...entry, publishedAt: "2026-12-03T10:05:00.000Z" })),
      keyOf(delivery("entry.publish", { ...entry, locale: "de" })),
      keyOf(delivery("entry.unpublish", entry)),
    ]);

    expect(keys.size).toBe(4);
  });

  it("falls back to the documentId without a SKU, and refuses what is not a Strapi webhook", () => {
    expect(parseStrapiWebhook(delivery("entry.delete", { documentId: "abc" }))).toMatchObject({
      ok: true,
      webhook: { subjectId: "abc", sku: null },
    });
    expect(parseStrapiWebhook("not json")).toEqual({ ok: false, message: "The body is not JSON." });
    expect(parseStrapiWebhook(JSON.stringify({ event: "drop table", model: "x" }))).toMatchObject({ ok: false });
    expect(parseStrapiWebhook(JSON.stringify({ event: "entry.update" }))).toMatchObject({ ok: false });
  });
});
