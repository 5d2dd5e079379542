// The rate limits, one table: sign-in, invitations, password reset, checkout and the price endpoint.
// Each row makes one caller go over its limit and checks the refusal a person would read: 429 from
// a route, LIMIT_EXCEEDED from an action, with a message that says how long to wait. Windows are
// fixed minutes of PostgreSQL's clock; a row keeps clear of a minute's edge so it counts in one.
import { signInAs } from "../support/next-request-scope";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisationWithMembers, TEST_PASSWORD } from "../../prisma/seed/factories";
import { testDb } from "../support/db";
import { clearOfWindowEdge } from "../support/rate-limit-window";
import { callRoute } from "./route-table";
import { loginFailureMessage } from "@/lib/validation/auth";
import { requestPasswordResetAction } from "@/server/actions/account-access";
import { submitCheckoutAction } from "@/server/actions/checkout";
import { inviteMemberAction } from "@/server/actions/organisation-members";
import { SignInRefused, signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getEnv } from "@/server/env";
import { withSignInRateLimitStatus } from "@/server/http/sign-in-rate-limit-status";
import { stopSender } from "@/server/jobs/enqueue";

const db = testDb();
let org: Awaited<ReturnType<typeof createOrganisationWithMembers>>;

beforeAll(async () => {
  org = await createOrganisationWithMembers(db);
});
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

type TOutcome = { refused: boolean; status?: number; message: string; retryAfter?: string | null };
type TRow = {
  name: string;
  /** Calls allowed in the window before the refusal. */
  limit: () => number;
  /** One call by the same caller; `n` counts from 0. */
  call: (n: number) => Promise<TOutcome>;
  message: RegExp;
  status?: number;
};

const action = (result: { ok: boolean; code?: string; message?: string }): TOutcome => ({
  refused: !result.ok && result.code === "LIMIT_EXCEEDED",
  message: result.ok ? "" : (result.message ?? ""),
});

const ROWS: TRow[] = [
  {
    name: "sign-in: failures per email (then next-auth's answer becomes 429)",
    limit: () => getEnv().LOGIN_MAX_FAILURES_PER_EMAIL,
    call: async () => {
      const error = await signInWithPassword({
        input: { email: org.buyer.email, password: `not-${TEST_PASSWORD}` },
        ip: `198.51.100.${Math.floor(Math.random() * 250)}`,
      }).catch((e: unknown) => e);
      if (!(error instanceof SignInRefused)) throw new Error("a wrong password signed in");
      if (error.reason !== "RATE_LIMITED") return { refused: false, message: error.message };
      // What the next-auth route answers the browser's signIn() for it.
      const nextAuthAnswer = Response.json({ url: `http://localhost:3000/login?error=${error.message}` });
      const response = await withSignInRateLimitStatus(nextAuthAnswer);

      return {
        refused: true,
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        message: loginFailureMessage(error.message),
      };
    },
    message: /^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/,
    status: 429,
  },
  {
    name: "invitations per org admin",
    limit: () => 10,
    call: async (n) => {
      signInAs(org.admin);
      return action(
        await inviteMemberAction({
          email: `rate-${n}-${randomUUID().slice(0, 6)}@test.tradepost.example`,
          role: "BUYER",
          spendingLimitPeriod: "MONTH",
        }),
      );
    },
    message: /^Too many invitations at once\. Try again in \d+ seconds\.$/,
  },
  {
    name: "password reset requests per email",
    limit: () => 3,
    call: async () => action(await requestPasswordResetAction({ email: org.admin.email })),
    message: /^Too many requests\. Try again in \d+ seconds\.$/,
  },
  {
    name: "checkout attempts per buyer",
    limit: () => 20,
    call: async () => {
      signInAs(org.buyer);
      return action(await submitCheckoutAction({ checkoutKey: randomUUID(), addressId: 1, carrierId: 1 }));
    },
    message: /^Too many checkout attempts\. Try again in \d+ seconds\.$/,
  },
  {
    // 3,000 a minute: the window is filled to 2,999 first, so that the row takes a second, not 20.
    name: "price requests per buyer",
    limit: () => 1,
    call: async (n) => {
      signInAs(org.buyer);
      if (n === 0) {
        await db.$executeRaw`
          INSERT INTO "RateLimitWindow" ("key", "windowStart", "count")
          VALUES (${`price:${org.buyer.id}`}, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / 60) * 60), 2999)`;
      }
      const response = await callRoute("app/api/storefront/price/route.ts POST", {
        path: "/api/storefront/price",
        body: JSON.stringify({ product: "no-such-product", quantity: 1 }),
        headers: { "content-type": "application/json" },
      });
      const body = (await response.json()) as { error?: { code: string; message: string } };

      return {
        refused: response.status === 429,
        status: response.status,
        message: body.error?.code === "LIMIT_EXCEEDED" ? body.error.message : "",
      };
    },
    message: /^Too many price requests\. Try again in \d+ seconds\.$/,
    status: 429,
  },
];

describe("rate limits", () => {
  it.each(ROWS)(
    "$name: refused with a clear message beyond the limit",
    async ({ limit, call, message, status }) => {
      await clearOfWindowEdge(60, 20);
      const outcomes: TOutcome[] = [];
      for (let n = 0; n <= limit(); n += 1) outcomes.push(await call(n));
      const refusedAt = outcomes.findIndex((outcome) => outcome.refused);
      expect(refusedAt, "the call that was refused first").toBe(limit());
      const refusal = outcomes[refusedAt]!;
      expect(refusal.message).toMatch(message);
      if (status) expect(refusal.status).toBe(status);
      if (refusal.retryAfter !== undefined) expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
    },
    120_000,
  );
});
