// npm run demo — the whole local stack: PostgreSQL (embedded unless DATABASE_URL is set),
// Medusa, the Odoo emulator, the app and the worker, with demo data. Ctrl-C stops it all.
import path from "node:path";
import { parseArgs } from "node:util";
import { deployMigrations } from "../scripts/db/migrations";
import { ensureDatabase, withDatabase } from "../scripts/db/ensure-database";
import { createPrismaClient } from "../prisma/seed/client";
import { seedDemoData } from "../prisma/seed/demo-data";
import { DEFAULT_DEMO_PASSWORD } from "../prisma/seed";
import {
  appEnv,
  buildApp,
  ODOO_EMULATOR_DB,
  ROOT,
  setupOdooWebhooks,
  startApp,
  startOdooEmulator,
  startWorker,
} from "./lib/app";
import { seedOdooDemoData } from "./lib/odoo-demo-data";
import { prepareMedusa, startMedusa } from "./lib/medusa";
import { startPostgresStep, type TPostgres } from "./lib/postgres";
import { stopAllServices, waitForHttp } from "./lib/processes";
import { loadOrCreateSecrets } from "./lib/secrets";
import { printSummary } from "./lib/demo-summary";
import { startMailCatcher } from "./lib/mail-catcher";
import { step } from "./lib/step";
import { buildStrapi, ensureStrapiInstalled, loadOrCreateStrapiSecrets, startStrapi, strapiAppEnv } from "./lib/strapi";

const { values: flags } = parseArgs({ options: { dev: { type: "boolean", default: false } } });
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ports = {
  postgres: port("PG_PORT", 54329),
  app: port("APP_PORT", 3000),
  medusa: port("MEDUSA_PORT", 9000),
  odoo: port("ODOO_PORT", 8069),
  smtp: port("SMTP_PORT", 1025),
  mailWeb: port("MAIL_WEB_PORT", 1080),
  strapi: port("STRAPI_PORT", 1337),
};
const stateDir = path.join(ROOT, ".stack");
const logDir = path.join(stateDir, "logs");
const demoPassword = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;

let postgres: TPostgres | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping Tradepost …");
    await stopAllServices();
    await postgres?.stop();
  }
  process.exit(code);
}

async function main(): Promise<void> {
  // Demo logins with a published password belong in the embedded demo database only: on a
  // PostgreSQL of your own, say which password they get.
  if (process.env.DATABASE_URL && !process.env.DEMO_PASSWORD) {
    throw new Error(
      "With DATABASE_URL set, npm run demo needs DEMO_PASSWORD: the password the demo logins get in that database.",
    );
  }
  const secrets = loadOrCreateSecrets(stateDir);
  postgres = await startPostgresStep({
    stateDir,
    port: ports.postgres,
    password: secrets.postgresPassword,
    databaseNames: { app: "tradepost", medusa: "tradepost_medusa" },
  });
  const pg = postgres;

  const medusaEnv = {
    databaseUrl: pg.medusaDatabaseUrl,
    jwtSecret: secrets.medusaJwtSecret,
    cookieSecret: secrets.medusaCookieSecret,
    corsOrigin: `http://localhost:${ports.app}`,
    port: ports.medusa,
  };
  const keys = await step("Medusa: migrate and seed", () => prepareMedusa({ ...medusaEnv, stateDir, logDir }));
  // Medusa takes the longest to boot: it does so while the steps below run (a failure stops all at once).
  const medusa = startMedusa({ ...medusaEnv, logDir });
  medusa.catch(fail);
  // Strapi installs, builds its admin panel and starts meanwhile too (~3 min on a fresh clone).
  const strapi = startDemoStrapi(pg);
  strapi.catch(fail);

  await step("App database: migrate and seed demo data", async () => {
    await ensureDatabase(pg.appDatabaseUrl);
    await deployMigrations(pg.appDatabaseUrl);
    const db = createPrismaClient(pg.appDatabaseUrl);
    await seedDemoData(db, { password: demoPassword }).finally(() => db.$disconnect());
  });
  const mail = await step(`Mail catcher: start (SMTP ${ports.smtp}, inbox ${ports.mailWeb})`, () =>
    startMailCatcher({ smtpPort: ports.smtp, webPort: ports.mailWeb, logDir }),
  );
  if (!flags.dev) {
    // Says "built" or "up to date".
    await step("App: production build", () => buildApp(logDir), String);
  }
  await step(`Odoo emulator: start (port ${ports.odoo})`, () =>
    startOdooEmulator({
      port: ports.odoo,
      apiKey: secrets.odooApiKey,
      adminToken: secrets.odooEmulatorAdminToken,
      logDir,
      stateFile: path.join(stateDir, "odoo-emulator.json"),
    }),
  );

  await step("Odoo: demo customers, addresses, products and stock", async () => {
    const db = createPrismaClient(pg.appDatabaseUrl);
    const rows = await db.organisation.findMany({ select: { id: true, name: true } }).finally(() => db.$disconnect());
    const organisations = Object.fromEntries(rows.map((row) => [row.name, row.id]));
    await seedOdooDemoData(
      { url: `http://127.0.0.1:${ports.odoo}`, db: ODOO_EMULATOR_DB, apiKey: secrets.odooApiKey },
      organisations,
    );
  });

  const pim = await step(
    `Strapi (PIM): started (port ${ports.strapi})`,
    () => strapi,
    (result) => result.done,
  );
  const env = {
    ...appEnv({ databaseUrl: pg.appDatabaseUrl, ports, keys, secrets, requirePricingApproval: false }),
    ...pim.env,
  };
  await step("Odoo: webhooks to the app (automation rules)", () => setupOdooWebhooks({ env, logDir }));
  await step(`App: start (port ${ports.app}${flags.dev ? ", dev mode" : ""})`, () =>
    startApp({ env, port: ports.app, dev: flags.dev, logDir }),
  );
  await step("Worker: start", async () => startWorker({ env, logDir }));
  await step(`Medusa: started (port ${ports.medusa})`, () => medusa);
  await step("Health check", () => waitForHttp(`http://127.0.0.1:${ports.app}/api/health`, { timeoutMs: 60_000 }));

  printSummary({
    appPort: ports.app,
    medusaPort: ports.medusa,
    odooPort: ports.odoo,
    password: demoPassword,
    logDir,
    embeddedPg: pg.embedded,
    pgPort: ports.postgres,
    mailInboxUrl: mail.inboxUrl,
    strapiPort: ports.strapi,
  });
}

/**
 * The PIM with its admin panel (built once per source change) and demo content; returns the app's
 * variables for it and what it had to do. Runs while the app builds, so it prints nothing itself.
 */
async function startDemoStrapi(pg: TPostgres) {
  const strapiSecrets = loadOrCreateStrapiSecrets(stateDir);
  const installed = await ensureStrapiInstalled(logDir);
  const built = await buildStrapi({ admin: true, logDir });
  await startStrapi({
    databaseUrl: withDatabase(pg.serverUrl, "tradepost_strapi"),
    port: ports.strapi,
    secrets: strapiSecrets,
    webhookUrl: `http://127.0.0.1:${ports.app}/api/webhooks/strapi`,
    publicDir: path.join(stateDir, "strapi-public"),
    serveAdmin: true,
    demoContent: true,
    logDir,
  });
  const done = [installed === "installed" && "installed", built === "built" && "admin panel built"].filter(Boolean);

  return { env: strapiAppEnv({ port: ports.strapi, secrets: strapiSecrets }), done: [...done, "started"].join(", ") };
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

async function fail(error: unknown): Promise<void> {
  if (stopping) return;
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  console.error(`Logs: ${logDir}`);
  await shutdown(1);
}

main().catch(fail);
