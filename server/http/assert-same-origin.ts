import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/server/env";

/**
 * CSRF guard for route handlers that a session cookie authenticates and that are called with POST:
 * refuses (403) a request a browser marks as cross-site, or whose Origin is `null` or another
 * site's. Same rule as Next applies to server actions: the Origin's host must be the request's
 * host (x-forwarded-host first) — or APP_URL's. A request without Origin is let through, as Next
 * does: browsers send Origin on every POST, so only non-browser clients (scripts, monitors with
 * their own cookies) omit it.
 */
export function assertSameOrigin(request: NextRequest): void {
  const refuse = () => new AppError("FORBIDDEN", "Cross-site request refused.");
  if (request.headers.get("sec-fetch-site") === "cross-site") throw refuse();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw refuse();
  }
  const allowed = [
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim(),
    request.headers.get("host"),
    new URL(getEnv().APP_URL).host,
  ];
  if (origin === "null" || !allowed.includes(host)) throw refuse();
}
