// Local-stack secrets, generated on first run into .stack/ (git-ignored) and reused, so
// sessions and seeded keys survive restarts. Real deployments set them in the environment.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type TStackSecrets = {
  postgresPassword: string;
  nextAuthSecret: string;
  medusaJwtSecret: string;
  medusaCookieSecret: string;
  odooApiKey: string;
  /** Bearer token of the Odoo emulator's admin API (/__emulator/*). */
  odooEmulatorAdminToken: string;
  pricingQuoteSecret: string;
  /** The secret in the URL Odoo's webhooks post to (ODOO_WEBHOOK_TOKENS). */
  odooWebhookToken: string;
};

const token = (bytes: number) => randomBytes(bytes).toString("hex");

export function loadOrCreateSecrets(stateDir: string): TStackSecrets {
  const file = path.join(stateDir, "secrets.json");
  const existing: Partial<TStackSecrets> = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<TStackSecrets>)
    : {};
  const secrets: TStackSecrets = {
    postgresPassword: existing.postgresPassword ?? token(16),
    nextAuthSecret: existing.nextAuthSecret ?? token(32),
    medusaJwtSecret: existing.medusaJwtSecret ?? token(32),
    medusaCookieSecret: existing.medusaCookieSecret ?? token(32),
    odooApiKey: existing.odooApiKey ?? token(20),
    odooEmulatorAdminToken: existing.odooEmulatorAdminToken ?? token(24),
    pricingQuoteSecret: existing.pricingQuoteSecret ?? token(32),
    odooWebhookToken: existing.odooWebhookToken ?? token(24),
  };
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });

  return secrets;
}
