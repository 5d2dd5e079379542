import { createHash } from "node:crypto";
import {
  authenticate,
  type AuthenticatedMedusaRequest,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http";
import { Modules } from "@medusajs/framework/utils";

// Authentication of Tradepost's routes (/admin/tradepost/…, whose route files opt out of Medusa's
// own with `AUTHENTICATE = false`). Tradepost calls them with its secret API key on every checkout
// and cart change. Medusa checks a secret key by hashing it with scrypt on every request: ~40 ms of
// CPU, a tenth of a checkout. Here a key that passed that check is remembered, by its SHA-256, for
// KEY_TTL_MS; a key revoked in Medusa is refused again at the latest that long after. Anything
// other than a secret key in Basic authentication (an admin's session or JWT) goes to Medusa's
// own check, unchanged.

const KEY_TTL_MS = 30_000;
const MAX_REMEMBERED_KEYS = 50;

const remembered = new Map<string, { apiKeyId: string; until: number }>();
const medusaAuthenticate = authenticate("user", ["session", "bearer", "api-key"]);

/** The secret key in `Authorization: Basic …` as Medusa reads it (raw `sk_…` or base64 of `sk_…:`). */
function secretKeyOf(header: string | undefined): string | null {
  const [scheme, credentials] = header?.split(" ") ?? [];
  if (scheme?.toLowerCase() !== "basic" || !credentials) return null;
  let token = credentials.startsWith("sk_") ? credentials : Buffer.from(credentials, "base64").toString("utf8");
  if (token.endsWith(":")) token = token.slice(0, -1);

  return token.startsWith("sk_") ? token : null;
}

async function apiKeyIdFor(req: MedusaRequest, token: string): Promise<string | null> {
  const digest = createHash("sha256").update(token).digest("hex");
  const now = Date.now();
  const known = remembered.get(digest);
  if (known && known.until > now) return known.apiKeyId;
  remembered.delete(digest);
  const apiKey = await req.scope.resolve(Modules.API_KEY).authenticate(token);
  if (!apiKey) return null;
  if (remembered.size >= MAX_REMEMBERED_KEYS) remembered.delete(remembered.keys().next().value!);
  remembered.set(digest, { apiKeyId: apiKey.id, until: now + KEY_TTL_MS });

  return apiKey.id;
}

export async function authenticateTradepost(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const authenticated = req as AuthenticatedMedusaRequest;
  // Several middleware entries match one route; the first one authenticated it.
  if (authenticated.auth_context) return next();
  const token = secretKeyOf(req.headers.authorization);
  if (!token) return medusaAuthenticate(req, res, next);
  const apiKeyId = await apiKeyIdFor(req, token);
  if (!apiKeyId) {
    res.status(401).json({ message: "Unauthorized" });
    return;
  }
  authenticated.auth_context = {
    actor_id: apiKeyId,
    actor_type: "api-key",
    auth_identity_id: "",
    app_metadata: {},
    user_metadata: {},
  };

  return next();
}
