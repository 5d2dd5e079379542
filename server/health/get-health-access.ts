import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { hasPermission } from "@/server/auth/permissions";
import { getSessionUser } from "@/server/auth/session";
import { getEnv } from "@/server/env";

export type THealthAccess = "details" | "public" | "wrong-token";

// next-auth's names on http and https (proxy.ts knows the same two); a large JWT is split into ".0", ".1" …
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();

  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may see health details: a caller with `Authorization: Bearer <HEALTH_DETAILS_TOKEN>` or an
 * operator's session. A bearer token that is not the configured one (or any, when none is set)
 * is "wrong-token", so a misconfigured monitor finds out instead of silently getting less.
 */
export async function getHealthAccess(request: NextRequest): Promise<THealthAccess> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer (.+)$/i.exec(authorization.trim())?.[1];
    const expected = getEnv().HEALTH_DETAILS_TOKEN;

    return token && expected && sameSecret(token, expected) ? "details" : "wrong-token";
  }
  // Only a request that carries a session cookie costs a session look-up.
  if (!request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) return "public";
  const user = await getSessionUser();

  return user && hasPermission(user.role, "operations.read") ? "details" : "public";
}
