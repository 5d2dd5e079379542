// The Tradepost app (Next.js), its worker and the Odoo emulator, as the stack runs them.
import path from "node:path";
import { appBuildInputs, isAppBuildCurrent, recordAppBuild } from "./app-build";
import type { TEnvVars } from "./processes";
import { isPortAnswering, runToCompletion, startService, waitForHttp, type TService } from "./processes";
import type { TMedusaKeys } from "./medusa";
import { startProxy, type TProxy } from "./proxy";
import type { TStackSecrets } from "./secrets";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

/** `smtp`: the mail catcher's SMTP port (stack/lib/mail-catcher.ts). */
export type TAppPorts = { app: number; medusa: number; odoo: number; smtp: number };

/** The database name the local Odoo emulator serves (Odoo's X-Odoo-Database / JSON-RPC db). */
export const ODOO_EMULATOR_DB = "tradepost";

/** The environment the app and the worker read (validated by server/env.ts). */
export function appEnv({
  databaseUrl,
  ports,
  keys,
  secrets,
  requirePricingApproval,
}: {
  databaseUrl: string;
  ports: TAppPorts;
  keys: TMedusaKeys;
  secrets: TStackSecrets;
  /** Maker–checker on price publishing: off in the demo (one person clicks through), on in tests. */
  requirePricingApproval: boolean;
}): TEnvVars {
  const appUrl = `http://localhost:${ports.app}`;

  return {
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: secrets.nextAuthSecret,
    MEDUSA_URL: `http://127.0.0.1:${ports.medusa}`,
    MEDUSA_PUBLISHABLE_KEY: keys.publishableKey,
    MEDUSA_SECRET_API_KEY: keys.secretApiKey,
    ODOO_URL: `http://127.0.0.1:${ports.odoo}`,
    ODOO_DB: ODOO_EMULATOR_DB,
    ODOO_PROTOCOL: "json2",
    ODOO_API_KEY: secrets.odooApiKey,
    PRICING_QUOTE_SECRET: secrets.pricingQuoteSecret,
    ODOO_WEBHOOK_TOKENS: secrets.odooWebhookToken,
    PRICING_REQUIRE_APPROVAL: String(requirePricingApproval),
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    MAIL_FROM: "Tradepost <no-reply@tradepost.localhost>",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

/** `next build`, unless .next/ already holds a build of the sources as they are. */
export async function buildApp(logDir: string): Promise<"built" | "up to date"> {
  const env = { NEXT_TELEMETRY_DISABLED: "1" };
  // Taken before the build: a file changed while it runs makes the next run build again.
  const inputs = appBuildInputs(ROOT, env);
  if (isAppBuildCurrent(ROOT, inputs)) return "up to date";
  await runToCompletion({ name: "next-build", command: bin("next"), args: ["build"], cwd: ROOT, env, logDir });
  recordAppBuild(ROOT, inputs);

  return "built";
}

export async function startApp({
  env,
  port,
  dev,
  logDir,
  name = "app",
}: {
  env: TEnvVars;
  port: number;
  dev: boolean;
  logDir: string;
  /** The service's name and log file (several instances: app-1, app-2 …). */
  name?: string;
}): Promise<TService> {
  if (await isPortAnswering(port))
    throw new Error(`Port ${port} is already in use. Stop what runs there or set APP_PORT.`);
  const service = startService({
    name,
    command: bin("next"),
    args: [dev ? "dev" : "start", "-p", String(port)],
    cwd: ROOT,
    env: { ...env, NODE_ENV: dev ? "development" : "production", TRADEPOST_SERVICE: "app" },
    logDir,
  });
  await waitForHttp(`http://127.0.0.1:${port}/login`, { service, timeoutMs: dev ? 180_000 : 60_000 });

  return service;
}

/** Creates or updates the automation rules that make Odoo post its changes to this app (npm run odoo:setup-webhooks). */
export async function setupOdooWebhooks({ env, logDir }: { env: TEnvVars; logDir: string }): Promise<void> {
  await runToCompletion({
    name: "odoo-setup-webhooks",
    command: bin("tsx"),
    args: ["--conditions=react-server", "scripts/odoo-setup-webhooks.ts"],
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: "warn" },
    logDir,
  });
}

/**
 * Several app instances (production build) on the ports after `port`, behind a round-robin proxy
 * on `port` itself — what APP_URL names — as a load balancer would put them on several machines.
 */
export async function startScaledApp({
  env,
  port,
  instances,
  logDir,
}: {
  env: TEnvVars;
  port: number;
  instances: number;
  logDir: string;
}): Promise<{ services: TService[]; proxy: TProxy }> {
  const ports = Array.from({ length: instances }, (_, index) => port + 1 + index);
  const services = await Promise.all(
    ports.map((instancePort, index) =>
      startApp({ env, port: instancePort, dev: false, logDir, name: `app-${index + 1}` }),
    ),
  );
  if (await isPortAnswering(port))
    throw new Error(`Port ${port} is already in use. Stop what runs there or set APP_PORT.`);
  const proxy = await startProxy({ port, upstreams: ports });
  await waitForHttp(`http://127.0.0.1:${port}/login`, { timeoutMs: 10_000 });

  return { services, proxy };
}

export function startWorker({
  env,
  logDir,
  name = "worker",
}: {
  env: TEnvVars;
  logDir: string;
  name?: string;
}): TService {
  return startService({
    name,
    command: bin("tsx"),
    args: ["--conditions=react-server", "server/jobs/worker.ts"],
    cwd: ROOT,
    env: { ...env, TRADEPOST_SERVICE: "worker" },
    logDir,
  });
}

export async function startOdooEmulator({
  port,
  apiKey,
  adminToken,
  logDir,
  stateFile,
}: {
  port: number;
  apiKey: string;
  /** The admin API's bearer token (in the environment, not argv, so `ps` does not show it). */
  adminToken: string;
  logDir: string;
  stateFile?: string;
}): Promise<TService> {
  if (await isPortAnswering(port))
    throw new Error(`Port ${port} is already in use. Stop what runs there or set ODOO_PORT.`);
  const args = ["stack/odoo-emulator/main.ts", "--port", String(port), "--api-key", apiKey, "--db", ODOO_EMULATOR_DB];
  if (stateFile) args.push("--state-file", stateFile);
  const env = { ODOO_EMULATOR_ADMIN_TOKEN: adminToken };
  const service = startService({ name: "odoo-emulator", command: bin("tsx"), args, cwd: ROOT, env, logDir });
  await waitForHttp(`http://127.0.0.1:${port}/web/version`, { service, timeoutMs: 30_000 });

  return service;
}
