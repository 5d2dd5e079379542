// The worker process, for real, against a PostgreSQL this test owns so that it can restart it:
// jobs survive a database restart, a worker killed mid-job (kill -9) has its job run again by
// another worker with the effect exactly once, and payloads that can never run are
// dead-lettered with their reason instead of being retried.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../prisma/seed/client";
import { startService, stopService, type TService } from "../../stack/lib/processes";
import { startScratchPostgres, type TScratchPostgres } from "../../test/support/scratch-postgres";
import { linkOnceJob } from "../../test/support/test-jobs";

const PRUNE = "maintenance.prune-login-attempts";
let postgres: TScratchPostgres;
let databaseUrl: string;
let worker: TService;
let boss: PgBoss;
const workerLines: string[] = [];

function startTestWorker(lines: string[]): TService {
  return startService({
    name: "worker",
    command: path.resolve("node_modules/.bin/tsx"),
    args: ["--conditions=react-server", "test/support/test-worker.ts"],
    env: { DATABASE_URL: databaseUrl, LOG_LEVEL: "info", LOG_FORMAT: "json" },
    onLine: (line) => lines.push(line),
  });
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}; worker said:\n${workerLines.slice(-20).join("\n")}`);
}

async function settled(queue: string, id: string) {
  const [job] = await boss.findJobs(queue, { id });

  return job && ["completed", "failed"].includes(job.state) ? job : null;
}

const envelope = (payload: unknown, version = 1) => ({ version, correlationId: "test-correlation", payload });
const startBoss = async () => {
  boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false });
  boss.on("error", () => undefined);
  await boss.start();
};

beforeAll(async () => {
  // Persistent: the test restarts it and expects its jobs back.
  postgres = await startScratchPostgres("worker-test", { persistent: true });
  databaseUrl = postgres.url;

  worker = startTestWorker(workerLines);
  await waitFor("the worker to start", async () => workerLines.some((line) => line.includes("worker started")));
  await startBoss();
}, 180_000);

afterAll(async () => {
  await boss?.stop({ graceful: false }).catch(() => undefined);
  if (worker) await stopService(worker);
  await postgres?.remove();
});

describe("worker", () => {
  it("keeps working after PostgreSQL restarts", async () => {
    const db = createPrismaClient(databaseUrl);
    const old = new Date(Date.now() - 40 * 86_400_000);
    await db.loginAttempt.createMany({
      data: [
        { email: "old@x.example", ip: "1.1.1.1", succeeded: false, at: old },
        { email: "new@x.example", ip: "1.1.1.1", succeeded: false },
      ],
    });
    await db.$disconnect();

    await boss.stop({ graceful: false });
    await postgres.server.stop();
    await sleep(3_000);
    await postgres.server.start();
    await startBoss();

    const id = await boss.send(PRUNE, envelope({ keepDays: 30 }));
    const job = await waitFor("the job to finish after the restart", () => settled(PRUNE, id!));

    expect(job.state).toBe("completed");
    expect(worker.child.exitCode).toBeNull();
    const after = createPrismaClient(databaseUrl);
    expect((await after.loginAttempt.findMany({ select: { email: true } })).map((row) => row.email)).toEqual([
      "new@x.example",
    ]);
    await after.$disconnect();
  }, 120_000);

  it("runs a job again after its worker is killed mid-job, with its effect exactly once", async () => {
    const key = randomUUID();
    const started = Date.now();
    const id = await boss.send(linkOnceJob.name, envelope({ key, holdMs: 8_000 }));
    await waitFor("the first attempt's effect", async () =>
      workerLines.some((line) => line.includes(`key=${key} attempt=0`)),
    );

    process.kill(-worker.child.pid!, "SIGKILL"); // the whole process group: tsx and its node child
    const killedAt = Date.now();
    await new Promise((resolve) =>
      worker.child.exitCode !== null || worker.child.signalCode ? resolve(null) : worker.child.once("exit", resolve),
    );
    worker = startTestWorker(workerLines);
    const job = await waitFor("the job to be rescued and completed", () => settled(linkOnceJob.name, id!), 110_000);
    const rescuedAfterMs = Date.now() - killedAt;

    expect(job.state).toBe("completed");
    expect(job.retryCount).toBeGreaterThanOrEqual(1);
    expect(workerLines.filter((line) => line.includes(`key=${key}`)).length).toBeGreaterThanOrEqual(2);
    const db = createPrismaClient(databaseUrl);
    expect(await db.externalLink.count({ where: { entityType: "test", localId: key } })).toBe(1);
    await db.$disconnect();
    expect(rescuedAfterMs).toBeLessThan(90_000);
    // The correlation id given at enqueue time is on the worker's log lines for this job.
    expect(
      workerLines.some(
        (line) => line.includes(`"jobId":"${id}"`) && line.includes('"correlationId":"test-correlation"'),
      ),
    ).toBe(true);
    console.log(
      `killed worker's job rescued and completed ${rescuedAfterMs} ms after the kill (${Date.now() - started} ms in all)`,
    );
  }, 150_000);

  it("dead-letters a payload that fails its schema with the reason, without retrying it", async () => {
    const id = await boss.send(PRUNE, envelope({ keepDays: "forever" }), { retryLimit: 3 });
    const job = await waitFor("the job to fail", () => settled(PRUNE, id!));

    expect(job.state).toBe("failed");
    expect(job.retryCount).toBe(0);
    expect(job.output).toMatchObject({ error: "INVALID_PAYLOAD", issues: [expect.stringContaining("keepDays")] });
    const deadLetters = await boss.findJobs(`${PRUNE}.dead`, { queued: true });
    expect(
      deadLetters.some((dead) => (dead.data as { payload?: { keepDays?: unknown } }).payload?.keepDays === "forever"),
    ).toBe(true);
  });

  it("dead-letters what is not a job envelope, with the reason", async () => {
    const bare = await boss.send(PRUNE, { keepDays: 30 }, { retryLimit: 3 });
    const job = await waitFor("the bare job to fail", () => settled(PRUNE, bare!));
    expect(job).toMatchObject({ state: "failed", retryCount: 0, output: { error: "INVALID_PAYLOAD" } });
  });

  it("schedules a scheduled job as a job envelope, so the scheduled run is valid", async () => {
    const prune = (await boss.getSchedules()).find((schedule) => schedule.name === PRUNE);
    expect(prune).toMatchObject({ cron: "15 3 * * *", data: { version: 1, payload: {} } });
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
