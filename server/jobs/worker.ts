// npm run worker — runs Tradepost's background jobs on pg-boss. Scale out by starting more
// of these (on any machine): pg-boss hands each job to one worker. Stops gracefully on
// SIGTERM/SIGINT (active jobs finish, up to 30 s); survives PostgreSQL restarts.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { PgBoss } from "pg-boss";
import { getEnv } from "@/server/env";
import { createBoss } from "@/server/jobs/boss";
import { DEAD_LETTER_QUEUE, JOBS } from "@/server/jobs/registry";
import type { TJobDefinition } from "@/server/jobs/job-definition";
import { logger, runWithCorrelation } from "@/server/logger";

const START_RETRY_MAX_MS = 30_000;

async function startWithRetry(boss: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.start();

      return;
    } catch (error) {
      const delay = Math.min(1_000 * 2 ** (attempt - 1), START_RETRY_MAX_MS);
      logger.warn({ err: error, attempt, retryInMs: delay }, "worker cannot reach the database yet");
      await sleep(delay);
    }
  }
}

async function register(boss: PgBoss, job: TJobDefinition): Promise<void> {
  await boss.createQueue(job.queue, { deadLetter: DEAD_LETTER_QUEUE, ...job.queueOptions });
  if (job.schedule) await boss.schedule(job.queue, job.schedule, {}, { tz: "UTC" });
  await boss.work(job.queue, async ([item]) => {
    if (!item) return;
    await runWithCorrelation(`job:${item.id}`, async () => {
      const parsed = job.schema.safeParse(item.data ?? {});
      if (!parsed.success) {
        // A payload that cannot be valid is failed for good (no retries) and logged.
        logger.error({ queue: job.queue, jobId: item.id, issues: parsed.error.issues }, "job payload rejected");
        await boss.fail(job.queue, item.id, { error: "INVALID_PAYLOAD", issues: parsed.error.issues.map((issue) => issue.message) });

        return;
      }
      const started = performance.now();
      const output = await job.handle(parsed.data, { jobId: item.id });
      logger.info({ queue: job.queue, jobId: item.id, durationMs: Math.round(performance.now() - started), output }, "job done");
    });
  });
}

async function main(): Promise<void> {
  getEnv();
  const boss = createBoss();
  await startWithRetry(boss);
  await boss.createQueue(DEAD_LETTER_QUEUE, {});
  for (const job of JOBS) await register(boss, job);
  logger.info({ queues: JOBS.map((job) => job.queue) }, "worker started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    await boss.stop({ graceful: true, timeout: 30_000 });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
