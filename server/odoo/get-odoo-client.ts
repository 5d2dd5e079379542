import "server-only";
import { getEnv } from "@/server/env";
import { OdooClient } from "@/server/odoo/client";

let client: OdooClient | undefined;

/** The app's Odoo client, configured from the environment (ODOO_*). */
export function getOdooClient(): OdooClient {
  const env = getEnv();
  client ??= new OdooClient({
    url: env.ODOO_URL,
    db: env.ODOO_DB,
    protocol: env.ODOO_PROTOCOL,
    apiKey: env.ODOO_API_KEY,
    login: env.ODOO_LOGIN,
    password: env.ODOO_PASSWORD,
    timeoutMs: env.ODOO_TIMEOUT_MS,
    maxConcurrency: env.ODOO_MAX_CONCURRENCY,
  });

  return client;
}
