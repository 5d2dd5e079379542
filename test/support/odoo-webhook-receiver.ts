// The Odoo webhook receiver called as Next calls it (the route's POST with a NextRequest), for the
// receiver's integration tests: a delivery as Odoo 19 posts it (its recorded headers and bodies),
// the inbox rows it left, the jobs it queued, and the receiver's settings per test.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll } from "vitest";
import { testDb } from "./db";
import { POST } from "@/app/api/webhooks/odoo/[token]/route";
import type { TEnv } from "@/lib/env-schema";
import { getEnv } from "@/server/env";
import { stopSender } from "@/server/jobs/enqueue";

export const raw = testDb();
export const TOKEN = "tok_current_0123456789abcdefXYZ";
export const OLD_TOKEN = "tok_previous_0123456789abcdefXY";
export const HMAC_SECRET = "hmac-secret-for-the-signing-proxy-0123456789";
// Real Odoo 19 deliveries, recorded and kept with the emulator's contract fixtures.
const FIXTURES = path.resolve(import.meta.dirname, "../../stack/odoo-emulator/contract/fixtures/webhooks");
export const fixture = (name: string) =>
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
export const configure = (overrides: Partial<TEnv> = {}) => Object.assign(getEnv(), defaults, overrides);

export type TDelivery = {
  token?: string;
  body?: BodyInit;
  contentType?: string | null;
  headers?: Record<string, string>;
};

/** Posts one delivery as Odoo does (its real headers); returns the response and the inbox rows it left. */
export async function deliver({
  token = TOKEN,
  body = partnerCreate.body_raw,
  contentType,
  headers = {},
}: TDelivery = {}) {
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

export const jobsOf = async (deliveryIds: string[]) =>
  Number(
    (
      await raw.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pgboss.job
        WHERE name = 'integrations.process-inbound-delivery' AND data->'payload'->>'deliveryId' = ANY(${deliveryIds})`
    )[0]!.n,
  );

/** An Odoo-shaped partner payload (keys sorted, as Odoo's json.dumps sends them) for a record of its own. */
export const partner = (id: number, fields: Record<string, unknown> = {}) => {
  const body = { _action: "[hooks] partner webhook(#464)", _id: id, _model: "res.partner", id, ...fields };

  return JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b))));
};
let nextId = 1000;
export const freshId = () => (nextId += 1);

/** The receiver's settings for a test file, reset after each test; the inbox's first delivery first. */
export function prepareOdooWebhookReceiver(): void {
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
}
