import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookies";

// Runs before every page (route handlers under /api give themselves a correlation id in
// withRoute and skip this hop: the price endpoint is called on every configurator change).
// Two jobs only:
// 1. give every request a correlation id (x-request-id) and tell pages their path (x-pathname);
// 2. send visitors without a session cookie to /login early. This is an optimistic check:
//    every page, server action and route handler checks the session and role itself.
const PUBLIC_PATHS = [
  "/login",
  "/forbidden",
  "/invite",
  "/reset-password",
  "/api/auth",
  "/api/health",
  "/api/webhooks",
];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
  headers.set("x-request-id", requestId);
  headers.set("x-pathname", `${pathname}${search}`);

  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession && !pathname.startsWith("/api/")) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);

    return NextResponse.redirect(login);
  }

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);

  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
