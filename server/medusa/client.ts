import "server-only";
import Medusa from "@medusajs/js-sdk";
import { getEnv } from "@/server/env";

// The only place that knows Medusa's URL and keys. The store client carries the publishable
// key; the admin client authenticates with the secret API key (HTTP Basic). Neither key
// ever reaches the browser.
let storeClient: Medusa | undefined;
let adminClient: Medusa | undefined;

export function getMedusaStore(): Medusa {
  const env = getEnv();
  storeClient ??= new Medusa({
    baseUrl: env.MEDUSA_URL,
    publishableKey: env.MEDUSA_PUBLISHABLE_KEY,
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  });

  return storeClient;
}

export function getMedusaAdmin(): Medusa {
  const env = getEnv();
  adminClient ??= new Medusa({
    baseUrl: env.MEDUSA_URL,
    apiKey: env.MEDUSA_SECRET_API_KEY,
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  });

  return adminClient;
}
