// Every route handler (file and method, as found in the code), how the security suites call it and
// what they expect. `auth` says what authenticates a caller; `csrf` why a cross-site request cannot
// change anything through it (the CSRF test checks the "origin-checked" ones).
import { NextRequest } from "next/server";
import type { TPermission } from "@/server/auth/permissions";

export type TRouteCase = {
  auth: { session: TPermission } | { token: string } | "public";
  csrf:
    | "read-only" // GET: changes nothing (SameSite=Lax cookies are sent, but nothing happens)
    | "origin-checked" // a cookie-authenticated POST: refuses a foreign or null Origin with 403
    | { reason: string }; // not cookie-authenticated, or protected otherwise
  load: () => Promise<Record<string, unknown>>;
};

export const ROUTES: Record<string, TRouteCase> = {
  "app/(portal)/portal/pricing/versions/[versionId]/export/[kind]/route.ts GET": {
    auth: { session: "pricing.read" },
    csrf: "read-only",
    load: () => import("@/app/(portal)/portal/pricing/versions/[versionId]/export/[kind]/route"),
  },
  "app/(storefront)/orders/export/route.ts GET": {
    auth: { session: "orders.read-own-organisation" },
    csrf: "read-only",
    load: () => import("@/app/(storefront)/orders/export/route"),
  },
  "app/api/auth/[...nextauth]/route.ts GET": {
    auth: "public",
    csrf: "read-only",
    load: () => import("@/app/api/auth/[...nextauth]/route"),
  },
  "app/api/auth/[...nextauth]/route.ts POST": {
    auth: "public",
    csrf: { reason: "next-auth checks its double-submit CSRF token on sign-in and sign-out" },
    load: () => import("@/app/api/auth/[...nextauth]/route"),
  },
  "app/api/health/route.ts GET": {
    auth: "public",
    csrf: "read-only",
    load: () => import("@/app/api/health/route"),
  },
  "app/api/metrics/route.ts GET": {
    auth: { token: "METRICS_TOKEN bearer" },
    csrf: "read-only",
    load: () => import("@/app/api/metrics/route"),
  },
  "app/api/storefront/price/route.ts POST": {
    auth: { session: "storefront.browse" },
    csrf: "origin-checked",
    load: () => import("@/app/api/storefront/price/route"),
  },
  "app/api/webhooks/odoo/[token]/route.ts POST": {
    auth: { token: "ODOO_WEBHOOK_TOKENS in the URL" },
    csrf: { reason: "no cookie authenticates it: the secret token in the URL does" },
    load: () => import("@/app/api/webhooks/odoo/[token]/route"),
  },
  "app/api/webhooks/strapi/route.ts POST": {
    auth: { token: "STRAPI_WEBHOOK_SECRET header" },
    csrf: { reason: "no cookie authenticates it: the secret header does" },
    load: () => import("@/app/api/webhooks/strapi/route"),
  },
};

type THandler = (request: NextRequest, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** Calls a route handler as Next does: a NextRequest and its params. */
export async function callRoute(
  key: string,
  {
    path,
    body,
    headers = {},
    params = {},
  }: { path: string; body?: BodyInit; headers?: Record<string, string>; params?: Record<string, unknown> },
): Promise<Response> {
  const [, method] = key.split(" ") as [string, string];
  const handler = (await ROUTES[key]!.load())[method] as THandler;
  // A server always has the Host header; the same-origin check compares Origin with it.
  const init = {
    method,
    body,
    headers: { host: "localhost:3000", ...headers },
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1];

  return handler(new NextRequest(`http://localhost:3000${path}`, init), { params: Promise.resolve(params) });
}
