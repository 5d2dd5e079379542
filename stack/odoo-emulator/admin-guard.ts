// Who may use the admin API (/__emulator/*), which can reset the database, read its state
// and act as any user: a caller on this machine (a Host of localhost, 127.0.0.1 or [::1],
// so a web page cannot reach it through DNS rebinding), holding the admin token, and —
// when it sends a body — sending JSON (a browser cannot send that cross-site without a
// preflight the emulator never answers).
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isJsonContentType } from "./http-responses";

export type TAdminRefusal = { status: number; error: string };

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);

  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a request to the admin API is refused, or null when it may go ahead. */
export function refuseAdminRequest(
  req: IncomingMessage,
  rawBody: string,
  adminToken: string | undefined,
): TAdminRefusal | null {
  if (!LOCAL_HOST.test(req.headers.host ?? ""))
    return { status: 403, error: "the admin API answers only requests for localhost, 127.0.0.1 or [::1]" };
  if (!adminToken)
    return {
      status: 403,
      error: "the admin API is disabled: start the emulator with --admin-token (or ODOO_EMULATOR_ADMIN_TOKEN)",
    };
  const match = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match || !sameSecret(match[1]!, adminToken))
    return { status: 401, error: "the admin API needs Authorization: Bearer <admin token>" };
  if (rawBody && !isJsonContentType(req.headers["content-type"]))
    return { status: 415, error: "a request body must be sent as Content-Type: application/json" };

  return null;
}
