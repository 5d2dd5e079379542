// GET /api/metrics as Prometheus scrapes it: 404 without METRICS_TOKEN, 401 with a wrong token;
// with the right one, text that a Prometheus text-format parser (parse-prometheus-text-format)
// reads, and counters, gauges and histograms that move when webhooks, Odoo and Medusa calls,
// checkouts, job runs and orders happen.
import { setTimeout as sleep } from "node:timers/promises";
import { NextRequest } from "next/server";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, describe, expect, it } from "vitest";
import { createOrganisationWithMembers } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { seedOrder } from "../../test/support/orders";
import { GET } from "@/app/api/metrics/route";
import { POST as webhook } from "@/app/api/webhooks/odoo/[token]/route";
import { getEnv } from "@/server/env";
import { recordHealthJob } from "@/server/jobs/definitions/record-health";
import { stopSender } from "@/server/jobs/enqueue";
import { getDefaultShippingOptionId } from "@/server/medusa/fulfilments";
import { observeCheckout } from "@/server/metrics/observe";
import { getOperationsBoss, stopOperationsBoss } from "@/server/operations/operations-boss";
import { flushIntegrationCalls } from "@/server/operations/record-integration-call";

const db = testDb();
const emulator = useOdooEmulator();
const TOKEN = "metrics-token-for-the-tests-0123456789abcdef";
const WEBHOOK_TOKEN = "metrics-test-webhook-token-0123456789";

afterAll(async () => {
  await stopOperationsBoss();
  await stopSender();
  await db.$disconnect();
});

type TSample = { name: string; labels: Record<string, string>; value: number };

/**
 * The exposition as samples, read by an established parser (parse-prometheus-text-format).
 * That parser folds the labelled series of a histogram or summary into one and drops their
 * labels (yunyu/parse-prometheus-text-format#13), so those families are read a second time
 * as untyped, where each `_bucket`, `_sum` and `_count` line is a sample with its labels.
 * Every family must be typed, and every value a number.
 */
function parsePrometheusText(text: string): TSample[] {
  const typed = parsePrometheusTextFormat(text);
  for (const family of typed) expect(family.type, `# TYPE of ${family.name}`).not.toBe("UNTYPED");
  const untyped = parsePrometheusTextFormat(
    text.replace(/^# TYPE (\S+) (?:histogram|summary)$/gm, "# TYPE $1 untyped"),
  );
  const samples = untyped.flatMap((family) =>
    family.metrics.map((metric) => {
      expect(metric.value, `${family.name} has a value`).toMatch(/^(?:[+-]?Inf|NaN|[+-]?\d*\.?\d+(?:e[+-]?\d+)?)$/i);

      return {
        name: family.name,
        labels: metric.labels ?? {},
        value: Number(metric.value!.replace(/^\+?Inf$/, "Infinity").replace(/^-Inf$/, "-Infinity")),
      };
    }),
  );
  // Each series of a family once: a series written twice would be merged away by the parser.
  const lines = text.split("\n").filter((line) => line && !line.startsWith("#"));
  expect(samples).toHaveLength(lines.length);

  return samples;
}

async function scrape(authorization?: string) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const response = await GET(new NextRequest("http://localhost/api/metrics", { headers }), undefined);

  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

async function metrics() {
  const { status, text } = await scrape(`Bearer ${TOKEN}`);
  expect(status).toBe(200);
  const samples = parsePrometheusText(text);

  return (name: string, labels: Record<string, string> = {}) =>
    samples
      .filter(
        (sample) =>
          sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )
      .reduce((sum, sample) => sum + sample.value, 0);
}

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN, and refuses a wrong token", async () => {
    Object.assign(getEnv(), { METRICS_TOKEN: undefined });
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    Object.assign(getEnv(), { METRICS_TOKEN: TOKEN });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`]) {
      const answer = await scrape(authorization);
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain("tradepost_");
    }
  });

  it("parses as Prometheus text with the process metrics and every family the console promises", async () => {
    Object.assign(getEnv(), { METRICS_TOKEN: TOKEN });
    const { status, type, text } = await scrape(`Bearer ${TOKEN}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const names = new Set(parsePrometheusText(text).map((sample) => sample.name));
    for (const family of [
      "tradepost_process_cpu_seconds_total",
      "tradepost_nodejs_heap_size_used_bytes",
      "tradepost_oldest_unpushed_order_age_seconds",
    ])
      expect(names, family).toContain(family);
    for (const family of [
      "tradepost_odoo_call_duration_seconds",
      "tradepost_medusa_call_duration_seconds",
      "tradepost_webhook_ack_duration_seconds",
      "tradepost_checkout_duration_seconds",
      "tradepost_queue_jobs",
      "tradepost_job_duration_seconds",
      "tradepost_inbound_deliveries",
      "tradepost_orders",
      "tradepost_reconciliation_lag_seconds",
    ])
      expect(text).toContain(`# TYPE ${family} `);
  });

  it("moves when webhooks arrive, Odoo and Medusa are called, checkouts run, jobs are queued and run, and orders wait", async () => {
    Object.assign(getEnv(), { METRICS_TOKEN: TOKEN, ODOO_WEBHOOK_TOKENS: [WEBHOOK_TOKEN] });
    const before = await metrics();

    const post = (token: string, body: string) =>
      webhook(
        new NextRequest(`http://localhost/api/webhooks/odoo/${token}`, {
          method: "POST",
          body,
          headers: { "content-type": "application/json" },
        }),
        { params: Promise.resolve({ token }) },
      );
    const body = JSON.stringify({
      _id: 4242,
      _model: "res.partner",
      id: 4242,
      write_date: `2026-12-03 10:00:00.${String(Date.now()).slice(-6)}`,
    });
    expect((await post(WEBHOOK_TOKEN, body)).status).toBe(200);
    expect((await post(WEBHOOK_TOKEN, body)).status).toBe(200);
    expect((await post("wrong-token-0123456789abcdefghij", body)).status).toBe(404);
    await emulator.client("json2").searchCount("res.partner");
    await flushIntegrationCalls();
    observeCheckout("placed", 420);
    observeCheckout("price_changed", 180);
    // A Medusa call (through its gateway, so the latency histogram observes it) and one job run
    // for 300 ms, as a worker runs it (pg-boss records when it started and completed).
    expect(await getDefaultShippingOptionId()).toMatch(/^so_/);
    const boss = await getOperationsBoss();
    await boss.send(recordHealthJob.name, { version: 1, correlationId: null, payload: {} });
    const [job] = await boss.fetch(recordHealthJob.name);
    await sleep(300);
    await boss.complete(recordHealthJob.name, job!.id);
    const { organisation, buyer } = await createOrganisationWithMembers(db);
    await seedOrder(db, {
      organisationId: organisation.id,
      buyerId: buyer.id,
      submittedAt: new Date(Date.now() - 120_000),
    });

    const after = await metrics();
    const moved = (name: string, labels: Record<string, string> = {}) => after(name, labels) - before(name, labels);
    expect(moved("tradepost_inbound_deliveries", { source: "odoo", status: "ACCEPTED" })).toBe(1);
    expect(moved("tradepost_inbound_deliveries", { source: "odoo", status: "DUPLICATE" })).toBe(1);
    expect(moved("tradepost_inbound_deliveries", { source: "odoo", status: "REJECTED" })).toBe(1);
    expect(moved("tradepost_webhook_ack_duration_seconds_count", { source: "odoo", status: "accepted" })).toBe(1);
    expect(moved("tradepost_webhook_ack_duration_seconds_count", { source: "odoo", status: "rejected" })).toBe(1);
    expect(
      moved("tradepost_odoo_call_duration_seconds_count", {
        model: "res.partner",
        method: "search_count",
        outcome: "ok",
      }),
    ).toBe(1);
    const partnerCount = { system: "ODOO", target: "res.partner", method: "search_count" };
    expect(moved("tradepost_integration_calls_last_5m", { ...partnerCount, outcome: "ok" })).toBe(1);
    expect(
      after("tradepost_integration_call_latency_last_5m_seconds", { ...partnerCount, quantile: "0.95" }),
    ).toBeGreaterThan(0);
    const shippingOptions = { call: "admin.shippingOption.list", outcome: "ok" };
    expect(moved("tradepost_medusa_call_duration_seconds_count", shippingOptions)).toBe(1);
    expect(moved("tradepost_medusa_call_duration_seconds_sum", shippingOptions)).toBeGreaterThan(0);
    expect(moved("tradepost_medusa_call_duration_seconds_bucket", { ...shippingOptions, le: "+Inf" })).toBe(1);
    const healthRuns = { queue: recordHealthJob.name, quantile: "0.5" };
    expect(before("tradepost_job_duration_seconds", healthRuns)).toBe(0);
    expect(after("tradepost_job_duration_seconds", healthRuns)).toBeGreaterThanOrEqual(0.25);
    expect(moved("tradepost_queue_jobs", { queue: recordHealthJob.name, state: "completed" })).toBe(1);
    expect(moved("tradepost_checkout_duration_seconds_count", { outcome: "placed" })).toBe(1);
    expect(moved("tradepost_checkout_duration_seconds_sum", { outcome: "placed" })).toBeCloseTo(0.42);
    expect(moved("tradepost_queue_jobs", { queue: "integrations.process-inbound-delivery", state: "created" })).toBe(1);
    expect(moved("tradepost_orders", { push_status: "QUEUED" })).toBe(1);
    expect(after("tradepost_oldest_unpushed_order_age_seconds")).toBeGreaterThanOrEqual(119);
  });
});
