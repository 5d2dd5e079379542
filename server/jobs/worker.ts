// npm run worker — runs Tradepost's background jobs on pg-boss. Scale out by starting more
// of these (on any machine): pg-boss hands each job to one worker. Stops gracefully on
// SIGTERM/SIGINT (active jobs finish, up to 30 s); survives PostgreSQL restarts.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { JobResult, PgBoss } from "pg-boss";
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
  await boss.work(job.queue, { perJobResults: true }, async (items) =>
    Promise.all(items.map((item) => runWithCorrelation(`job:${item.id}`, () => runOne(job, item)))),
  );
}

/**
 * One job, settled individually: completed with its output; failed (pg-boss retries it, then
 * dead-letters it) when the handler throws; dead-lettered at once when its payload can never
 * be valid, since retrying would not help.
 */
async function runOne(job: TJobDefinition, item: { id: string; data: unknown }): Promise<JobResult> {
  const parsed = job.schema.safeParse(item.data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`);
    logger.error({ queue: job.queue, jobId: item.id, issues }, "job payload rejected");

    return { id: item.id, status: "deadletter", output: { error: "INVALID_PAYLOAD", issues } };
  }
  const started = performance.now();
  try {
    const output = await job.handle(parsed.data, { jobId: item.id });
    logger.info({ queue: job.queue, jobId: item.id, durationMs: Math.round(performance.now() - started), output }, "job done");

    return { id: item.id, status: "completed", output: output ?? null };
  } catch (error) {
    logger.warn({ queue: job.queue, jobId: item.id, err: error }, "job failed; pg-boss retries it");

    return { id: item.id, status: "failed", output: { error: error instanceof Error ? error.message : String(error) } };
  }
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
