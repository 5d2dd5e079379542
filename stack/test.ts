// npm test — the house rules (ESLint, Prettier), then every test tier against real
// components: unit (pure), integration (a real PostgreSQL, the real Medusa backend, the Odoo
// emulator) and end to end (the whole stack in Chromium). Starts what the tests need on ports
// of its own and stops it afterwards.
//   npm test -- --only lint,unit,integration     run some tiers only
//   npm test -- --only e2e --grep J2        only the end-to-end tests whose title matches
//   npm test -- --only integration server/cart   only the test files whose path matches
//   npm test -- --only e2e --scale-out      the journeys J2–J5 (or --grep) against two app instances
//                                           behind a round-robin proxy and two workers (TEST_SCALE_OUT=1)
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { deployMigrations } from "../scripts/db/migrations";
import { dropDatabase, ensureDatabase, withDatabase } from "../scripts/db/ensure-database";
import { createPrismaClient } from "../prisma/seed/client";
import { seedDemoData } from "../prisma/seed/demo-data";
import {
  appEnv,
  buildApp,
  ODOO_EMULATOR_DB,
  ROOT,
  setupOdooWebhooks,
  startApp,
  startOdooEmulator,
  startScaledApp,
  startWorker,
} from "./lib/app";
import { seedOdooDemoData } from "./lib/odoo-demo-data";
import { CHROMIUM_HELP, findChromium } from "./lib/chromium";
import { keysFile, prepareMedusa, startMedusa } from "./lib/medusa";
import { startPostgresStep, type TPostgres } from "./lib/postgres";
import { runToCompletion, stopAllServices, stopService, type TEnvVars } from "./lib/processes";
import type { TProxy } from "./lib/proxy";
import { startMailCatcher } from "./lib/mail-catcher";
import { loadOrCreateSecrets } from "./lib/secrets";
import { step } from "./lib/step";
import {
  buildStrapi,
  ensureStrapiInstalled,
  loadOrCreateStrapiSecrets,
  STRAPI_EDITOR,
  startStrapi,
  strapiAppEnv,
} from "./lib/strapi";

const TIERS = ["lint", "unit", "integration", "e2e"] as const;
const { values: flags, positionals: fileFilters } = parseArgs({
  options: { only: { type: "string" }, grep: { type: "string" }, "scale-out": { type: "boolean" } },
  allowPositionals: true,
});
const tiers = new Set(flags.only ? flags.only.split(",").map((tier) => tier.trim()) : TIERS);
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ports = {
  postgres: port("TEST_PG_PORT", 54339),
  app: port("TEST_APP_PORT", 3010),
  medusa: port("TEST_MEDUSA_PORT", 9010),
  odoo: port("TEST_ODOO_PORT", 8079),
  smtp: port("TEST_SMTP_PORT", 1035),
  mailWeb: port("TEST_MAIL_WEB_PORT", 1090),
  strapi: port("TEST_STRAPI_PORT", 1347),
};
const stateDir = path.join(ROOT, ".stack", "test");
const logDir = path.join(stateDir, "logs");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

let postgres: TPostgres | undefined;
let proxy: TProxy | undefined;

// Scale-out mode: two app instances behind a round-robin proxy (on the app's port, so APP_URL and
// Odoo's webhooks go through it) and two workers, on the same PostgreSQL, Medusa and Odoo. A full
// e2e run ("also") runs the journeys J2–J5 a second time that way, after the normal pass, on the
// same build; --scale-out (TEST_SCALE_OUT=1) runs only that pass; TEST_SCALE_OUT=also adds it to a
// --grep run, TEST_SCALE_OUT=0 leaves it out.
const SCALE_OUT_GREP = "\\[J[2-5]\\]";
const SCALE_OUT_INSTANCES = 2;
const scaleOutEnv = process.env.TEST_SCALE_OUT;
const scaleOut: "off" | "also" | "only" =
  flags["scale-out"] || scaleOutEnv === "1" || scaleOutEnv === "only"
    ? "only"
    : scaleOutEnv === "also" || (scaleOutEnv !== "0" && !flags.grep)
      ? "also"
      : "off";

// Strapi costs ~20 s to start (and ~70 s to install on a clean clone): only the e2e tier and the
// integration test files about the PIM need it.
const PIM_TEST_DIRS = ["server/pim/", "app/api/webhooks/strapi/"];
const needsStrapi =
  tiers.has("e2e") ||
  (tiers.has("integration") &&
    (fileFilters.length === 0 ||
      fileFilters.some((filter) => PIM_TEST_DIRS.some((dir) => filter.startsWith(dir) || dir.includes(filter)))));

/** Starts the PIM for the tests: its own database, demo content, REST only (no admin panel). */
async function startTestStrapi(pg: TPostgres): Promise<Record<string, string>> {
  const secrets = loadOrCreateStrapiSecrets(stateDir);
  await step("Strapi: install", ensureStrapiInstalled, String);
  await step("Strapi: compile", () => buildStrapi({ admin: false, logDir }), String);
  await step(`Strapi: start (port ${ports.strapi})`, () =>
    startStrapi({
      databaseUrl: withDatabase(pg.serverUrl, "tradepost_test_strapi"),
      port: ports.strapi,
      secrets,
      webhookUrl: `http://127.0.0.1:${ports.app}/api/webhooks/strapi`,
      publicDir: path.join(stateDir, "strapi-public"),
      serveAdmin: false,
      demoContent: true,
      logDir,
      pidFile: path.join(stateDir, "strapi.pid"),
    }),
  );

  return {
    ...(strapiAppEnv({ port: ports.strapi, secrets }) as Record<string, string>),
    TEST_STRAPI_EDITOR_EMAIL: STRAPI_EDITOR.email,
    TEST_STRAPI_EDITOR_PASSWORD: STRAPI_EDITOR.password,
    // e2e/pim.spec.ts pauses Strapi's process group (SIGSTOP) to test the storefront without it.
    TEST_STRAPI_PID_FILE: path.join(stateDir, "strapi.pid"),
  };
}

async function runTier(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<void> {
  console.log(`\n━━ ${name} ━━`);
  await runToCompletion({
    name,
    command,
    args,
    cwd: ROOT,
    env: { ...env, FORCE_COLOR: "1" },
    onLine: (line) => console.log(line),
  });
}

async function main(): Promise<void> {
  const chromium = tiers.has("e2e") ? findChromium() : null;
  if (tiers.has("e2e") && !chromium) throw new Error(CHROMIUM_HELP);

  if (tiers.has("lint")) {
    // Fast and first: a layering violation or an unformatted file fails the run in seconds.
    await runTier("lint (ESLint)", bin("eslint"), [".", "--max-warnings", "50"]);
    await runTier("format (Prettier)", bin("prettier"), ["--check", "--log-level", "warn", "."]);
    await runTier("types (tsc, tests and tooling included)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  }
  if (tiers.has("unit")) await runTier("unit tests", bin("vitest"), ["run", "--project", "unit", ...fileFilters]);
  if (!tiers.has("integration") && !tiers.has("e2e")) return;

  rmSync(stateDir, { recursive: true, force: true });
  const secrets = loadOrCreateSecrets(stateDir);
  postgres = await startPostgresStep({
    stateDir,
    port: ports.postgres,
    password: secrets.postgresPassword,
    databaseNames: { app: "tradepost_test", medusa: "tradepost_test_medusa" },
    persistent: false,
  });
  const pg = postgres;
  const templateDatabase = "tradepost_test_template";
  await step("Template database: migrate", async () => {
    const url = withDatabase(pg.serverUrl, templateDatabase);
    await ensureDatabase(url);
    await deployMigrations(url);
  });

  const medusaEnv = {
    databaseUrl: pg.medusaDatabaseUrl,
    jwtSecret: secrets.medusaJwtSecret,
    cookieSecret: secrets.medusaCookieSecret,
    corsOrigin: `http://localhost:${ports.app}`,
    port: ports.medusa,
  };
  const keys = await step("Medusa: migrate and seed", () => prepareMedusa({ ...medusaEnv, stateDir, logDir }));
  await step(`Medusa: start (port ${ports.medusa})`, () => startMedusa({ ...medusaEnv, logDir }));
  await step(`Odoo emulator: start (port ${ports.odoo})`, () =>
    startOdooEmulator({
      port: ports.odoo,
      apiKey: secrets.odooApiKey,
      adminToken: secrets.odooEmulatorAdminToken,
      logDir,
    }),
  );
  const strapiEnv = needsStrapi ? await startTestStrapi(pg) : {};
  const servicesEnv = {
    ...appEnv({ databaseUrl: "", ports, keys, secrets, requirePricingApproval: true }),
    ...strapiEnv,
  };

  // Tests read what the app sent through the catcher's REST API (TEST_MAIL_INBOX_URL).
  const mail = await step(`Mail catcher: start (SMTP ${ports.smtp}, inbox ${ports.mailWeb})`, () =>
    startMailCatcher({ smtpPort: ports.smtp, webPort: ports.mailWeb, logDir }),
  );

  if (tiers.has("integration")) {
    await runTier("integration tests", bin("vitest"), ["run", "--project", "integration", ...fileFilters], {
      ...servicesEnv,
      DATABASE_URL: undefined,
      TEST_DATABASE_SERVER_URL: pg.serverUrl,
      TEST_TEMPLATE_DATABASE: templateDatabase,
      TEST_MEDUSA_DATABASE_URL: pg.medusaDatabaseUrl,
      TEST_MEDUSA_JWT_SECRET: secrets.medusaJwtSecret,
      TEST_MEDUSA_COOKIE_SECRET: secrets.medusaCookieSecret,
      TEST_MEDUSA_KEYS_FILE: keysFile(stateDir, pg.medusaDatabaseUrl),
      TEST_MAIL_INBOX_URL: mail.inboxUrl,
      LOG_LEVEL: "error",
    });
  }

  if (tiers.has("e2e")) {
    const e2eDatabaseUrl = withDatabase(pg.serverUrl, "tradepost_test_e2e");
    await step("E2E database: clone template and seed demo data", async () => {
      // Fresh every run, also on a PostgreSQL server given by DATABASE_URL.
      await dropDatabase(e2eDatabaseUrl);
      await ensureDatabase(e2eDatabaseUrl, { template: templateDatabase });
      const db = createPrismaClient(e2eDatabaseUrl);
      await seedDemoData(db, { password: "tradepost-demo" }).finally(() => db.$disconnect());
    });
    const env = { ...servicesEnv, DATABASE_URL: e2eDatabaseUrl };
    await step("Odoo: demo data and webhooks to the app", async () => {
      const db = createPrismaClient(e2eDatabaseUrl);
      const rows = await db.organisation.findMany({ select: { id: true, name: true } }).finally(() => db.$disconnect());
      const odoo = { url: `http://127.0.0.1:${ports.odoo}`, db: ODOO_EMULATOR_DB, apiKey: secrets.odooApiKey };
      await seedOdooDemoData(odoo, Object.fromEntries(rows.map((row) => [row.name, row.id])));
      await setupOdooWebhooks({ env, logDir });
    });
    await step("App: production build", () => buildApp(logDir));
    const e2e = (name: string, grep: string | undefined) =>
      runTier(name, bin("playwright"), ["test", ...(grep ? ["--grep", grep] : [])], {
        ...env,
        E2E_BASE_URL: `http://localhost:${ports.app}`,
        // The journeys act as Odoo's users through the emulator's admin API.
        ODOO_EMULATOR_ADMIN_TOKEN: secrets.odooEmulatorAdminToken,
        CHROMIUM_PATH: chromium ?? undefined,
        TEST_MAIL_INBOX_URL: mail.inboxUrl,
      });
    if (scaleOut !== "only") {
      const app = await step(`App: start (port ${ports.app})`, () =>
        startApp({ env, port: ports.app, dev: false, logDir }),
      );
      await step("Worker: start", async () => startWorker({ env, logDir }));
      await e2e("end-to-end tests", flags.grep);
      if (scaleOut === "also") await step("App: stop (for the scale-out pass)", () => stopService(app));
    }
    if (scaleOut !== "off") await scaleOutPass(env, flags.grep ?? SCALE_OUT_GREP, scaleOut === "only" ? 2 : 1, e2e);
  }
}

/**
 * The e2e journeys once more with the app scaled out: instances behind the proxy and `newWorkers`
 * more workers (beside one already running, or two). Fails when an instance served nothing, so
 * the pass cannot silently run against one instance.
 */
async function scaleOutPass(
  env: TEnvVars,
  grep: string,
  newWorkers: number,
  e2e: (name: string, grep: string) => Promise<void>,
): Promise<void> {
  const scaled = await step(
    `Scale-out: ${SCALE_OUT_INSTANCES} app instances behind a round-robin proxy (port ${ports.app})`,
    () => startScaledApp({ env, port: ports.app, instances: SCALE_OUT_INSTANCES, logDir }),
  );
  proxy = scaled.proxy;
  await step(`Scale-out: ${SCALE_OUT_INSTANCES} workers`, async () => {
    for (let index = 0; index < newWorkers; index += 1)
      startWorker({ env, logDir, name: `worker-${SCALE_OUT_INSTANCES - newWorkers + index + 1}` });
  });
  await e2e(`end-to-end tests, scaled out (${grep})`, grep);
  const served = scaled.proxy.served;
  console.log(`Scale-out: requests per app instance ${served.join(" / ")}`);
  if (served.some((count) => count === 0)) throw new Error("Scale-out: an app instance served no request.");
}

async function shutdown(): Promise<void> {
  await proxy?.close();
  await stopAllServices();
  await postgres?.stop().catch(() => undefined);
}

process.on("SIGINT", () => void shutdown().then(() => process.exit(130)));

main()
  .then(async () => {
    await shutdown();
    console.log("\nAll requested test tiers passed.");
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    console.error(`Service logs: ${logDir}`);
    await shutdown();
    process.exit(1);
  });
