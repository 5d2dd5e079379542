// What the Odoo webhook receiver guards against beyond a single delivery's verdict (the table in
// route.integration.test.ts): the same change sent again, a signing proxy's signature, a flood
// from one source; and how fast it answers.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  configure,
  deliver,
  freshId,
  HMAC_SECRET,
  jobsOf,
  partner,
  raw,
  prepareOdooWebhookReceiver,
} from "../../../../../test/support/odoo-webhook-receiver";

prepareOdooWebhookReceiver();

describe("deduplication", () => {
  it("accepts one of the same delivery sent 100 times; the 99 others are duplicates of it, with no job", async () => {
    const body = partner(freshId(), { name: "Initech", write_date: "2026-11-22 05:31:00.323324" });
    const results = await Promise.all(Array.from({ length: 100 }, () => deliver({ body })));
    expect(results.every(({ response }) => response.status === 200)).toBe(true);
    const accepted = results.filter(({ json }) => json.status === "accepted");
    const duplicates = results.filter(({ json }) => json.status === "duplicate");
    expect([accepted.length, duplicates.length]).toEqual([1, 99]);
    const original = accepted[0]!.row!;
    expect(duplicates.every(({ row }) => row!.status === "DUPLICATE" && row!.duplicateOfId === original.id)).toBe(true);
    expect(await jobsOf(results.map(({ row }) => row!.id))).toBe(1);
  });

  it("accepts the same record again with a newer write_date", async () => {
    const id = freshId();
    const first = await deliver({ body: partner(id, { street: "1 Old St", write_date: "2026-11-22 05:31:00.1" }) });
    const again = await deliver({ body: partner(id, { street: "1 Old St", write_date: "2026-11-22 05:31:00.1" }) });
    const newer = await deliver({ body: partner(id, { street: "2 New St", write_date: "2026-11-22 05:31:09.5" }) });
    expect([first.json.status, again.json.status, newer.json.status]).toEqual(["accepted", "duplicate", "accepted"]);
    expect(await jobsOf([first.row!.id, again.row!.id, newer.row!.id])).toBe(2);
  });

  it("without write_date, deduplicates on the body: the same body is a duplicate, a changed one is not", async () => {
    const id = freshId();
    const first = await deliver({ body: partner(id, { quantity: 93 }) });
    const same = await deliver({ body: partner(id, { quantity: 93 }) });
    const changed = await deliver({ body: partner(id, { quantity: 92 }) });
    expect([first.json.status, same.json.status, changed.json.status]).toEqual(["accepted", "duplicate", "accepted"]);
    expect(first.row!.dedupeKey).toMatch(new RegExp(`^odoo:res\\.partner:${id}:sha256:[0-9a-f]{64}$`));
  });

  it("accepts the same change again once the dedupe window has passed", async () => {
    configure({ ODOO_WEBHOOK_DEDUPE_SECONDS: 1 });
    const body = partner(freshId(), { write_date: "2026-11-22 05:31:00.2" });
    expect((await deliver({ body })).json.status).toBe("accepted");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await deliver({ body })).json.status).toBe("accepted");
  });
});

describe("signature from a signing proxy (ODOO_WEBHOOK_HMAC_SECRET set)", () => {
  const sign = (body: string, secret = HMAC_SECRET) =>
    `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

  it.each([
    { name: "no signature", signature: undefined, status: 404 },
    { name: "a signature made with another secret", signature: (b: string) => sign(b, "x".repeat(40)), status: 404 },
    { name: "a signature of another body", signature: () => sign("{}"), status: 404 },
    { name: "a malformed signature", signature: () => "sha256=abc", status: 404 },
    { name: "the right signature", signature: (b: string) => sign(b), status: 200 },
  ])("$name → $status", async ({ signature, status }) => {
    configure({ ODOO_WEBHOOK_HMAC_SECRET: HMAC_SECRET });
    const body = partner(freshId(), { write_date: "2026-11-22 05:31:00.3" });
    const headers: Record<string, string> = signature ? { "x-tradepost-signature": signature(body) } : {};
    const { response, json, row } = await deliver({ body, headers });
    expect(response.status).toBe(status);
    if (status === 404) {
      expect(json).toEqual({ error: { code: "NOT_FOUND", message: "Not found." } });
      expect(row).toMatchObject({ status: "REJECTED", reason: "Missing or wrong X-Tradepost-Signature.", jobId: null });
    } else {
      expect(row).toMatchObject({ status: "ACCEPTED" });
    }
    if (signature) expect(row!.headers).toMatchObject({ "x-tradepost-signature": "[redacted]" });
  });
});

describe("rate limit per source (counted in PostgreSQL)", () => {
  // Windows are whole seconds of the database's clock (the same machine's clock here).
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1005 - (Date.now() % 1000)));

  it("answers 429 with Retry-After beyond the limit, and records those deliveries as rejected", async () => {
    configure({ ODOO_WEBHOOK_RATE_PER_SECOND: 3 });
    await nextSecond();
    const startedAt = Date.now();
    const results = [];
    for (let n = 0; n < 20; n += 1) results.push(await deliver({ body: partner(freshId()) }));
    const windowsSpanned = Math.floor(Date.now() / 1000) - Math.floor(startedAt / 1000) + 1;
    const limited = results.filter(({ response }) => response.status === 429);
    const passed = results.length - limited.length;
    // At most 3 pass in each one-second window the 20 requests spanned (one, on a quiet machine).
    expect(passed).toBeGreaterThanOrEqual(3);
    expect(passed).toBeLessThanOrEqual(3 * windowsSpanned);
    expect(limited.length).toBeGreaterThan(0);
    for (const { response, row } of limited) {
      expect(response.headers.get("retry-after")).toBe("1");
      expect(row).toMatchObject({
        status: "REJECTED",
        reason: "Rate limit of 3 deliveries per second exceeded.",
        jobId: null,
      });
    }
    const windows = await raw.$queryRaw<
      { count: number }[]
    >`SELECT "count" FROM "RateLimitWindow" WHERE "key" = 'odoo'`;
    expect(windows.reduce((sum, window) => sum + window.count, 0)).toBeGreaterThanOrEqual(20);
  });

  it("does not let forged deliveries use up Odoo's allowance, nor record a flood of them", async () => {
    configure({ ODOO_WEBHOOK_RATE_PER_SECOND: 3 });
    await nextSecond();
    const forged = [];
    for (let n = 0; n < 10; n += 1) forged.push(await deliver({ token: `forged-${n}-0123456789abcdefghij` }));
    expect(forged.every(({ response }) => response.status === 404)).toBe(true);
    expect(forged.filter(({ rows }) => rows.length === 1).length).toBeLessThanOrEqual(6);
    expect((await deliver({ body: partner(freshId()) })).response.status).toBe(200);
  });
});

describe("answer time", () => {
  it("acknowledges 200 sequential distinct deliveries (printing p50/p95/p99)", async () => {
    const times: number[] = [];
    for (let n = 0; n < 200; n += 1) {
      const body = partner(freshId(), { write_date: "2026-11-22 05:31:00.4" });
      const { response, elapsedMs } = await deliver({ body });
      times.push(elapsedMs);
      expect(response.status).toBe(200);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(1);
    console.log(
      `odoo webhook ack over 200 sequential deliveries: p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms`,
    );
  });
});
