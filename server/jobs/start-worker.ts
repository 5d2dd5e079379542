import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { PgBoss } from "pg-boss";
import { createBoss, ensureQueues } from "@/server/jobs/boss";
import type { TJobDefinition } from "@/server/jobs/job-definition";
import { runJob } from "@/server/jobs/run-job";
import { logger } from "@/server/logger";

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

/**
 * Starts working every job in `jobs` (queues made or updated first, schedules registered).
 * Resolves once the worker is polling; the returned stop() finishes active jobs (up to 30 s).
 */
export async function startWorker(jobs: readonly TJobDefinition[]): Promise<{ stop: () => Promise<void> }> {
  const boss = createBoss();
  await startWithRetry(boss);
  await ensureQueues(boss, jobs);
  for (const job of jobs) {
    // A scheduled run is a job like any other: an envelope around an empty payload (defaults
    // apply); on an exclusive queue it shares the key manual runs use, so only one runs at a time.
    if (job.schedule) {
      const envelope = { version: job.version, correlationId: null, payload: {} };
      await boss.schedule(job.name, job.schedule, envelope, {
        tz: "UTC",
        ...(job.policy === "exclusive" ? { singletonKey: job.name } : {}),
      });
    }
    const polling = job.pollingIntervalSeconds ? { pollingIntervalSeconds: job.pollingIntervalSeconds } : {};
    await boss.work(
      job.name,
      { perJobResults: true, localConcurrency: job.concurrency ?? 1, ...polling },
      async (items) => Promise.all(items.map((item) => runJob(job, item))),
    );
  }
  logger.info({ queues: jobs.map((job) => job.name) }, "worker started");

  return { stop: () => boss.stop({ graceful: true, timeout: 30_000 }) };
}
