// Every route handler fuzzed with fast-check (FUZZ_RUNS cases each): never a 500, and a refused
// request writes nothing — except the webhooks' inbox, which records every refused delivery with
// its reason by design (and never a processing job for one). Sign-in is fuzzed at the use case the
// next-auth route calls, because next-auth itself is stubbed in this tier.
import { signInAs } from "../support/next-request-scope";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import { findRouteHandlers, routeKey } from "./entry-points";
import { anyValue, FUZZ_RUNS, nearMiss } from "./fuzz-inputs";
import { callRoute, ROUTES } from "./route-table";
import { createStaff, createTenant, type TTenant } from "./tenants";
import { installWriteCounter, settle, writesAfter, writesSoFar } from "./write-counter";
import { SignInRefused, signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getEnv } from "@/server/env";
import { stopSender } from "@/server/jobs/enqueue";

const db = testDb();
let a: TTenant;
let staff: Awaited<ReturnType<typeof createStaff>>;
const ODOO_TOKEN = "security-fuzz-odoo-token-0123456789";
const STRAPI_SECRET = "security-fuzz-strapi-secret-0123456789";

beforeAll(async () => {
  [a, staff] = await Promise.all([createTenant(db, "A", { cart: false }), createStaff(db)]);
  Object.assign(getEnv(), { ODOO_WEBHOOK_TOKENS: [ODOO_TOKEN], STRAPI_WEBHOOK_SECRET: STRAPI_SECRET });
  await installWriteCounter(db);
});
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.uuid(),
  anyValue().map((value) => String(value)),
);
// What can travel in an HTTP header at all: printable ASCII (anything else never reaches a handler).
const headerText = text.map((value) => value.replace(/[^\x20-\x7e]/g, "?"));
const json = (fields: string[]) =>
  fc.oneof(
    { arbitrary: nearMiss(fields).map((value) => JSON.stringify(value)), weight: 4 },
    { arbitrary: fc.json({ maxDepth: 3 }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  );
const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "", "x/y");

type TFuzzCase = {
  input: fc.Arbitrary<unknown>;
  send: (value: never) => Promise<Response>;
  /** Tables a refused request may write, and only these. */
  refusedMayWrite?: string[];
  /** Answers 200 to anything (filters that do not parse are ignored, as on the page). */
  neverRefuses?: true;
};

const FUZZ: Record<string, TFuzzCase> = {
  "app/(portal)/portal/pricing/versions/[versionId]/export/[kind]/route.ts GET": {
    input: fc.record({ versionId: text, kind: fc.oneof(text, fc.constantFrom("base", "contract", "volume")) }),
    send: (params: { versionId: string; kind: string }) => {
      signInAs(staff.dataManager);
      return callRoute("app/(portal)/portal/pricing/versions/[versionId]/export/[kind]/route.ts GET", {
        path: `/portal/pricing/versions/x/export/y`,
        params,
      });
    },
  },
  "app/(storefront)/orders/export/route.ts GET": {
    input: fc.dictionary(fc.constantFrom("buyer", "status", "from", "to", "po", "page", "x"), text, { maxKeys: 5 }),
    send: (query: Record<string, string>) => {
      signInAs(a.admin);
      return callRoute("app/(storefront)/orders/export/route.ts GET", {
        path: `/orders/export?${new URLSearchParams(query).toString()}`,
      });
    },
    neverRefuses: true,
  },
  "app/api/health/route.ts GET": {
    input: fc.option(headerText, { nil: undefined }),
    send: (authorization: string | undefined) =>
      callRoute("app/api/health/route.ts GET", {
        path: "/api/health",
        headers: authorization === undefined ? {} : { authorization: `Bearer ${authorization}` },
      }),
    refusedMayWrite: ["public.HealthSample"],
  },
  "app/api/metrics/route.ts GET": {
    input: fc.option(headerText, { nil: undefined }),
    send: (authorization: string | undefined) =>
      callRoute("app/api/metrics/route.ts GET", {
        path: "/api/metrics",
        headers: authorization === undefined ? {} : { authorization: `Bearer ${authorization}` },
      }),
  },
  "app/api/storefront/price/route.ts POST": {
    input: fc.tuple(json(["product", "configuration", "quantity", "sku"]), contentType),
    send: ([body, type]: [string, string]) => {
      signInAs(a.buyer);
      return callRoute("app/api/storefront/price/route.ts POST", {
        path: "/api/storefront/price",
        body,
        headers: { "content-type": type, origin: "http://localhost:3000" },
      });
    },
  },
  "app/api/webhooks/odoo/[token]/route.ts POST": {
    // A URL path carries any character but a lone UTF-16 surrogate (it cannot be percent-encoded).
    input: fc.tuple(
      fc.oneof(
        fc.constant(ODOO_TOKEN),
        text.map((value) => value.replace(/[\ud800-\udfff]/g, "?")),
      ),
      json(["_model", "_id", "id", "write_date"]),
      contentType,
    ),
    send: ([token, body, type]: [string, string, string]) =>
      callRoute("app/api/webhooks/odoo/[token]/route.ts POST", {
        path: `/api/webhooks/odoo/${encodeURIComponent(token)}`,
        params: { token },
        body,
        headers: { "content-type": type },
      }),
    refusedMayWrite: ["public.InboundDelivery"],
  },
  "app/api/webhooks/strapi/route.ts POST": {
    input: fc.tuple(
      fc.oneof(fc.constant(STRAPI_SECRET), headerText),
      json(["event", "model", "entry", "createdAt"]),
      contentType,
    ),
    send: ([secret, body, type]: [string, string, string]) =>
      callRoute("app/api/webhooks/strapi/route.ts POST", {
        path: "/api/webhooks/strapi",
        body,
        headers: { "content-type": type, "x-tradepost-webhook-secret": secret },
      }),
    refusedMayWrite: ["public.InboundDelivery"],
  },
};
// next-auth's handler: its credentials reach signInWithPassword (server/auth/options.ts).
const SIGN_IN = ["app/api/auth/[...nextauth]/route.ts GET", "app/api/auth/[...nextauth]/route.ts POST"];

describe("the route tables cover the code", () => {
  it("has one case per route handler method, no more, no fewer", () => {
    const found = findRouteHandlers().map(routeKey).sort();
    expect(Object.keys(ROUTES).sort()).toEqual(found);
    expect([...Object.keys(FUZZ), ...SIGN_IN].sort()).toEqual(found);
  });
});

describe(`fuzzing every route handler with ${FUZZ_RUNS} requests`, () => {
  it.each(Object.keys(FUZZ).sort())(
    "%s",
    async (key) => {
      const { input, send, refusedMayWrite = [] } = FUZZ[key]!;
      const statuses = new Map<number, number>();
      await settle(db);
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const before = await writesSoFar(db);
          const response = await send(value as never);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          // 503 is health's answer while Medusa or Odoo is down (as in a test without them), not a crash.
          const crashed = response.status >= 500 && !(key === "app/api/health/route.ts GET" && response.status === 503);
          expect(crashed, `${response.status} ${await response.text()}`).toBe(false);
          if (response.status >= 400) {
            const written = await writesAfter(db, before);
            expect(written.filter((write) => !refusedMayWrite.some((table) => write === `INSERT ${table}`))).toEqual(
              [],
            );
          }
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      const refused = [...statuses.keys()].some((status) => status >= 400 && status < 500);
      expect(refused, JSON.stringify(Object.fromEntries(statuses))).toBe(!FUZZ[key]!.neverRefuses);
    },
    FUZZ_RUNS * 200,
  );

  it(
    "sign-in (the use case behind next-auth's credentials callback): refused typed, and malformed input writes nothing",
    async () => {
      await settle(db);
      await fc.assert(
        fc.asyncProperty(nearMiss(["email", "password"]), async (credentials) => {
          const before = await writesSoFar(db);
          const error = await signInWithPassword({ input: credentials, ip: "203.0.113.9" }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(SignInRefused);
          if ((error as SignInRefused).reason === "INVALID_INPUT") expect(await writesAfter(db, before)).toEqual([]);
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
    },
    FUZZ_RUNS * 200,
  );
});
