// The Odoo webhook receiver against a real PostgreSQL: every kind of delivery answered with the
// right status and recorded in the inbox with the right verdict and reason; exactly one processing
// job per accepted change; no job and no token in the inbox for anything refused. Deduplication,
// signatures, the rate limit and the answer time: route-guards.integration.test.ts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  configure,
  deliver,
  fixture,
  freshId,
  jobsOf,
  OLD_TOKEN,
  partner,
  raw,
  TOKEN,
  type TDelivery,
  prepareOdooWebhookReceiver,
} from "../../../../../test/support/odoo-webhook-receiver";
import { processInboundDelivery } from "@/server/integrations/process-inbound-delivery";

prepareOdooWebhookReceiver();

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
