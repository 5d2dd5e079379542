import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/server/env";

// Tokens of the links we email (invitations, password resets): `<row id>.<HMAC of purpose and id>`.
// The database stores only the token's SHA-256, so a copy of the database opens nothing; the
// worker re-signs the link from the id when it sends the email, so the job queue holds no token
// either. Expiry and single use live on the row, checked with the hash.

export type TLinkPurpose = "invitation" | "password-reset";

const KEY_LABEL = "tradepost:link-token:v1";

function keyFrom(secret: string): Buffer {
  return createHmac("sha256", secret).update(KEY_LABEL).digest();
}

function signature(purpose: TLinkPurpose, id: string, secret: string): string {
  return createHmac("sha256", keyFrom(secret)).update(`${purpose}:${id}`).digest("base64url");
}

/** The token for row `id` (deterministic: the same id always gives the same token). */
export function linkTokenFor(purpose: TLinkPurpose, id: string, secret = getEnv().NEXTAUTH_SECRET): string {
  return `${id}.${signature(purpose, id, secret)}`;
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The row id a token was signed for, or null when it is malformed or not signed by us for `purpose`. */
export function verifyLinkToken(
  purpose: TLinkPurpose,
  token: string,
  secret = getEnv().NEXTAUTH_SECRET,
): { id: string; tokenHash: string } | null {
  const match = /^([0-9a-f-]{36})\.([\w-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const expected = Buffer.from(signature(purpose, match[1], secret));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;

  return { id: match[1], tokenHash: hashLinkToken(token) };
}
