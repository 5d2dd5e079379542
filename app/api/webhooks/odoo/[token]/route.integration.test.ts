// The Odoo webhook receiver, called as Next calls it (the route's POST with a NextRequest) against
// a real PostgreSQL: every delivery answered with the right status and recorded in the inbox with
// the right verdict and reason; exactly one processing job per distinct change; no job and no
// token in the inbox for anything refused.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../../test/support/db";
import { POST } from "@/app/api/webhooks/odoo/[token]/route";
import type { TEnv } from "@/lib/env-schema";
import { getEnv } from "@/server/env";
import { processInboundDelivery } from "@/server/integrations/process-inbound-delivery";
import { stopSender } from "@/server/jobs/enqueue";

const raw = testDb();
const TOKEN = "tok_current_0123456789abcdefXYZ";
const OLD_TOKEN = "tok_previous_0123456789abcdefXY";
const HMAC_SECRET = "hmac-secret-for-the-signing-proxy-0123456789";
// Real Odoo 19 deliveries, recorded and kept with the emulator's contract fixtures.
const FIXTURES = path.resolve(import.meta.dirname, "../../../../../stack/odoo-emulator/contract/fixtures/webhooks");
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as {
    request: { headers: Record<string, string>; body_raw: string };
  };
const partnerCreate = fixture("166-wh-partner-create-res.partner.json").request;

// The receiver reads its settings from the validated environment on every request; tests
// change the cached copy and put it back afterwards.
const defaults = {
  ODOO_WEBHOOK_TOKENS: [TOKEN, OLD_TOKEN],
  ODOO_WEBHOOK_HMAC_SECRET: undefined,
  ODOO_WEBHOOK_MAX_BYTES: 256 * 1024,
  ODOO_WEBHOOK_DEDUPE_SECONDS: 600,
  ODOO_WEBHOOK_RATE_PER_SECOND: 1000,
} satisfies Partial<TEnv>;
const configure = (overrides: Partial<TEnv> = {}) => Object.assign(getEnv(), defaults, overrides);

type TDelivery = {
  token?: string;
  body?: BodyInit;
  contentType?: string | null;
  headers?: Record<string, string>;
};

/** Posts one delivery as Odoo does (its real headers); returns the response and the inbox rows it left. */
async function deliver({ token = TOKEN, body = partnerCreate.body_raw, contentType, headers = {} }: TDelivery = {}) {
  const requestId = `wh-${randomUUID()}`;
  const { Host: _host, "Content-Length": _length, "Content-Type": odooType, ...odooHeaders } = partnerCreate.headers;
  const type = contentType === undefined ? odooType : contentType;
  // Node's fetch needs `duplex` for a streamed body; the DOM types do not know it.
  const init = {
    method: "POST",
    body,
    headers: { ...odooHeaders, ...(type ? { "content-type": type } : {}), "x-request-id": requestId, ...headers },
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1];
  const request = new NextRequest(`http://localhost:3000/api/webhooks/odoo/${encodeURIComponent(token)}`, init);
  const started = performance.now();
  const response = await POST(request, { params: Promise.resolve({ token }) });
  const elapsedMs = performance.now() - started;
  const json = (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } };
  const rows = await raw.inboundDelivery.findMany({ where: { correlationId: requestId } });

  return { response, json, rows, row: rows[0], elapsedMs };
}

const jobsOf = async (deliveryIds: string[]) =>
  Number(
    (
      await raw.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pgboss.job
        WHERE name = 'integrations.process-inbound-delivery' AND data->'payload'->>'deliveryId' = ANY(${deliveryIds})`
    )[0]!.n,
  );

/** An Odoo-shaped partner payload (keys sorted, as Odoo's json.dumps sends them) for a record of its own. */
const partner = (id: number, fields: Record<string, unknown> = {}) => {
  const body = { _action: "[hooks] partner webhook(#464)", _id: id, _model: "res.partner", id, ...fields };

  return JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b))));
};
let nextId = 1000;
const freshId = () => (nextId += 1);

beforeAll(async () => {
  configure();
  // The first accepted delivery installs pg-boss's schema (as the app's first enqueue does).
  await deliver({ body: partner(freshId(), { write_date: "2026-01-01 00:00:00.000001" }) });
});
afterEach(() => configure());
afterAll(async () => {
  await stopSender();
  await raw.$disconnect();
});

// The one table of what the receiver does with each kind of delivery, hostile ones above all; the
// security suite (test/security/webhook-table.integration.test.ts) checks every threat has rows here.
type TThreat = "none" | "bad token" | "oversized" | "malformed" | "replayed" | "out of order";
type TCase = {
  name: string;
  threat: TThreat;
  /** Sent first, e.g. the original of a replay. */
  before?: () => TDelivery;
  delivery: () => TDelivery;
  status: number;
  row: "ACCEPTED" | "REJECTED" | "DUPLICATE";
  reason?: RegExp;
  error?: string;
};

const cases: TCase[] = [
  { name: "a real Odoo delivery", threat: "none", delivery: () => ({}), status: 200, row: "ACCEPTED" },
  {
    name: "the previous token during a rotation",
    threat: "none",
    delivery: () => ({ token: OLD_TOKEN, body: partner(freshId()) }),
    status: 200,
    row: "ACCEPTED",
  },
  {
    name: "a forged token",
    threat: "bad token",
    delivery: () => ({ token: "tok_forged_0123456789abcdefXYZ" }),
    status: 404,
    row: "REJECTED",
    reason: /^Unknown token in the URL\.$/,
  },
  {
    name: "a token that is a prefix of a real one",
    threat: "bad token",
    delivery: () => ({ token: TOKEN.slice(0, -1) }),
    status: 404,
    row: "REJECTED",
    reason: /Unknown token/,
  },
  {
    name: "a body over the limit",
    threat: "oversized",
    delivery: () => ({ body: partner(freshId(), { comment: "x".repeat(256 * 1024) }) }),
    status: 413,
    row: "REJECTED",
    reason: /larger than 262144 bytes/,
    error: "TOO_LARGE",
  },
  {
    name: "a form-encoded body",
    threat: "malformed",
    delivery: () => ({ contentType: "application/x-www-form-urlencoded", body: "_model=res.partner&id=1" }),
    status: 415,
    row: "REJECTED",
    reason: /must be application\/json, not application\/x-www-form-urlencoded/,
    error: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "no content type",
    threat: "malformed",
    // A string body would get text/plain from the Request constructor; bytes get no type at all.
    delivery: () => ({ contentType: null, body: new TextEncoder().encode(partner(freshId())) }),
    status: 415,
    row: "REJECTED",
    reason: /not none/,
  },
  {
    name: "a body that is not JSON",
    threat: "malformed",
    delivery: () => ({ body: "<xml>res.partner</xml>" }),
    status: 422,
    row: "REJECTED",
    reason: /not valid JSON/,
    error: "INVALID",
  },
  {
    name: "a body that is not UTF-8",
    threat: "malformed",
    delivery: () => ({ body: new Uint8Array([0x7b, 0xff, 0x00, 0x7d]) }),
    status: 422,
    row: "REJECTED",
    reason: /not UTF-8/,
  },
  {
    name: "no _model",
    threat: "malformed",
    delivery: () => ({ body: JSON.stringify({ _id: 3, id: 3, name: "x" }) }),
    status: 422,
    row: "REJECTED",
    reason: /`_model` is required/,
  },
  {
    name: "no id",
    threat: "malformed",
    delivery: () => ({ body: JSON.stringify({ _model: "res.partner", name: "x" }) }),
    status: 422,
    row: "REJECTED",
    reason: /`id` is required/,
  },
  {
    name: "an id that is not a positive integer",
    threat: "malformed",
    delivery: () => ({ body: JSON.stringify({ _model: "res.partner", _id: "7", id: -7 }) }),
    status: 422,
    row: "REJECTED",
    reason: /`_id`.*`id`/,
  },
  {
    name: "a JSON array",
    threat: "malformed",
    delivery: () => ({ body: "[1,2]" }),
    status: 422,
    row: "REJECTED",
    reason: /Not an Odoo webhook/,
  },
  {
    name: "a model Tradepost does not handle",
    threat: "none",
    delivery: () => ({ body: JSON.stringify({ _id: 5, _model: "x_custom.thing", id: 5, x_name: "n" }) }),
    status: 200,
    row: "ACCEPTED",
  },
  {
    name: "a replay of a delivery already in the inbox",
    threat: "replayed",
    before: () => ({ body: partner(4_000_001, { write_date: "2026-11-22 05:31:00.7" }) }),
    delivery: () => ({ body: partner(4_000_001, { write_date: "2026-11-22 05:31:00.7" }) }),
    status: 200,
    row: "DUPLICATE",
  },
  {
    name: "a replay of a refused delivery (forged token)",
    threat: "replayed",
    before: () => ({ token: "tok_forged_replayed_0123456789abc" }),
    delivery: () => ({ token: "tok_forged_replayed_0123456789abc" }),
    status: 404,
    row: "REJECTED",
    reason: /Unknown token/,
  },
  {
    // A hint, not data: its job re-reads the record from Odoo, so the older payload cannot win.
    name: "an older change arriving after a newer one",
    threat: "out of order",
    before: () => ({ body: partner(4_000_002, { name: "New", write_date: "2026-11-22 05:31:09.5" }) }),
    delivery: () => ({ body: partner(4_000_002, { name: "Old", write_date: "2026-11-22 05:31:00.1" }) }),
    status: 200,
    row: "ACCEPTED",
  },
];

describe("POST /api/webhooks/odoo/<token>", () => {
  it.each(cases)("$threat: $name → $status, recorded $row", async (testCase) => {
    const first = testCase.before ? await deliver(testCase.before()) : null;
    const { response, json, rows, row } = await deliver(testCase.delivery());
    expect(response.status).toBe(testCase.status);
    expect(rows).toHaveLength(1);
    expect(row!.status).toBe(testCase.row);
    expect(row!.source).toBe("odoo");
    expect(JSON.stringify(row)).not.toContain(TOKEN.slice(4));
    if (testCase.row === "ACCEPTED") {
      expect(json).toEqual({ status: "accepted", deliveryId: row!.id });
      expect(row!.jobId).not.toBeNull();
    } else if (testCase.row === "DUPLICATE") {
      expect(json).toEqual({ status: "duplicate", deliveryId: row!.id });
      expect(row).toMatchObject({ duplicateOfId: first!.row!.id, jobId: null });
    } else {
      expect(row!.reason).toMatch(testCase.reason!);
      expect(row!.jobId).toBeNull();
      if (testCase.status === 404) expect(json).toEqual({ error: { code: "NOT_FOUND", message: "Not found." } });
      else expect(json.error).toEqual({ code: testCase.error ?? json.error?.code, message: row!.reason });
    }
    expect(await jobsOf([row!.id])).toBe(testCase.row === "ACCEPTED" ? 1 : 0);
  });

  it("records what Odoo sent: subject hints, dedupe key from write_date, the raw body, headers", async () => {
    const { body_raw: body } = fixture("200-wh-timing-up-res.partner.json").request;
    const { row } = await deliver({ body });
    expect(row).toMatchObject({
      status: "ACCEPTED",
      subjectType: "res.partner",
      subjectId: "11",
      dedupeKey: "odoo:res.partner:11:2026-11-22 05:31:09.500468",
      body,
    });
    expect(row!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "python-requests/2.28.1" });
  });

  it("answers an unknown model 200 and its job marks it not handled", async () => {
    const { row } = await deliver({ body: JSON.stringify({ _id: 8, _model: "mrp.production", id: 8 }) });
    await processInboundDelivery({ deliveryId: row!.id }, { jobId: randomUUID(), attempt: 0, correlationId: "c" });
    expect(await raw.inboundDelivery.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({
      status: "PROCESSED",
      reason: expect.stringContaining("does not process odoo mrp.production"),
    });
  });

  it("refuses every delivery while no token is configured", async () => {
    configure({ ODOO_WEBHOOK_TOKENS: undefined });
    const { response, row } = await deliver({ body: partner(freshId()) });
    expect(response.status).toBe(404);
    expect(row).toMatchObject({ status: "REJECTED", reason: "No ODOO_WEBHOOK_TOKENS configured.", jobId: null });
  });

  it("stops reading a body as soon as it passes the limit", async () => {
    configure({ ODOO_WEBHOOK_MAX_BYTES: 1024 });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(256).fill(0x20));
      },
    });
    const { response, row } = await deliver({ body: endless });
    expect(response.status).toBe(413);
    expect(row).toMatchObject({ status: "REJECTED", body: "", reason: "Body larger than 1024 bytes." });
    expect(pulled).toBeLessThan(10);
  });
});

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
