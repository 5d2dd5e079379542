// The Medusa backend in stack/medusa: migrate, seed (idempotent) and start.
import type { TEnvVars } from "./processes";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase } from "../../scripts/db/ensure-database";
import { isPortAnswering, runToCompletion, startService, waitForHttp, type TService } from "./processes";

export const MEDUSA_DIR = path.resolve(import.meta.dirname, "../medusa");
const MEDUSA_BIN = path.join(MEDUSA_DIR, "node_modules/.bin/medusa");

export type TMedusaKeys = {
  publishableKey: string;
  secretApiKey: string;
  secretApiKeyId: string;
  regionId: string;
  salesChannelId: string;
};

type TMedusaEnv = { databaseUrl: string; jwtSecret: string; cookieSecret: string; corsOrigin: string; port: number };

function medusaEnv({ databaseUrl, jwtSecret, cookieSecret, corsOrigin, port }: TMedusaEnv): TEnvVars {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    JWT_SECRET: jwtSecret,
    COOKIE_SECRET: cookieSecret,
    STORE_CORS: corsOrigin,
    ADMIN_CORS: corsOrigin,
    AUTH_CORS: corsOrigin,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "production",
  };
}

function medusaVersion(): string {
  const manifest = path.join(MEDUSA_DIR, "node_modules/@medusajs/medusa/package.json");

  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/**
 * Creates and migrates the Medusa database (skipped when this Medusa version already migrated
 * it), then runs the idempotent seed (skipped when this seed already ran on this database and its
 * keys are kept). Returns the keys the seed wrote.
 */
export async function prepareMedusa(env: TMedusaEnv & { stateDir: string; logDir: string }): Promise<TMedusaKeys> {
  const created = await ensureDatabase(env.databaseUrl);
  const databaseName = new URL(env.databaseUrl).pathname.slice(1);
  const version = medusaVersion();
  const common = { cwd: MEDUSA_DIR, env: medusaEnv(env), logDir: env.logDir };
  const migrated = path.join(env.stateDir, `medusa-migrated-${databaseName}`);
  const migrate = created || !hasStamp(migrated, version);
  if (migrate) {
    await runToCompletion({ name: "medusa-migrate", command: MEDUSA_BIN, args: ["db:migrate"], ...common });
    writeFileSync(migrated, version);
  }
  const keys = keysFile(env.stateDir, env.databaseUrl);
  // Seeding boots all of Medusa (~10 s), so a warm start skips it; delete the stamp to seed again.
  const seeded = path.join(env.stateDir, `medusa-seeded-${databaseName}`);
  const seedVersion = `${version} ${seedDigest()}`;
  if (migrate || !existsSync(keys) || !hasStamp(seeded, seedVersion)) {
    await runToCompletion({
      name: "medusa-seed",
      command: MEDUSA_BIN,
      args: ["exec", "./src/scripts/seed.ts"],
      ...common,
      env: { ...common.env, TRADEPOST_MEDUSA_KEYS_FILE: keys },
    });
    writeFileSync(seeded, seedVersion);
  }

  return JSON.parse(readFileSync(keys, "utf8")) as TMedusaKeys;
}

const hasStamp = (file: string, content: string) => existsSync(file) && readFileSync(file, "utf8") === content;

/** The seed's sources and the backend's configuration, which decide what seeding writes. */
function seedDigest(): string {
  const scripts = path.join(MEDUSA_DIR, "src", "scripts");
  const files = readdirSync(scripts, { recursive: true, encoding: "utf8" }).map((file) => path.join(scripts, file));
  const hash = createHash("sha256");
  for (const file of [...files.sort(), path.join(MEDUSA_DIR, "medusa-config.ts")]) {
    if (statSync(file).isFile()) hash.update(`${path.relative(MEDUSA_DIR, file)}\0`).update(readFileSync(file));
  }

  return hash.digest("hex");
}

/** Where the seed keeps the keys for one Medusa database (the secret key is shown only once). */
export function keysFile(stateDir: string, databaseUrl: string): string {
  return path.join(stateDir, `medusa-keys-${new URL(databaseUrl).pathname.slice(1)}.json`);
}

/** Runs the idempotent seed again (tests use it to prove a second run changes nothing). */
export async function seedMedusa({
  databaseUrl,
  keys,
  logDir,
  secrets,
}: {
  databaseUrl: string;
  keys: string;
  logDir?: string;
  secrets: { jwtSecret: string; cookieSecret: string };
}): Promise<void> {
  const env = medusaEnv({ databaseUrl, ...secrets, corsOrigin: "http://localhost", port: 0 });
  await runToCompletion({
    name: "medusa-seed",
    command: MEDUSA_BIN,
    args: ["exec", "./src/scripts/seed.ts"],
    cwd: MEDUSA_DIR,
    env: { ...env, TRADEPOST_MEDUSA_KEYS_FILE: keys },
    logDir,
  });
}

export async function startMedusa(env: TMedusaEnv & { logDir: string }): Promise<TService> {
  if (await isPortAnswering(env.port)) {
    throw new Error(`Port ${env.port} already answers: is another Medusa running? Stop it or set MEDUSA_PORT.`);
  }
  const service = startService({
    name: "medusa",
    command: MEDUSA_BIN,
    args: ["start"],
    cwd: MEDUSA_DIR,
    env: medusaEnv(env),
    logDir: env.logDir,
  });
  await waitForHttp(`http://127.0.0.1:${env.port}/health`, { service, timeoutMs: 120_000 });

  return service;
}
