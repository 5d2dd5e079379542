import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { PgBoss } from "pg-boss";
import { createBoss, ensureQueues } from "@/server/jobs/boss";
import type { TJobDefinition } from "@/server/jobs/job-definition";
import { runJob } from "@/server/jobs/run-job";
import { logger } from "@/server/logger";

const START_RETRY_MAX_MS = 30_000;
// pg-boss's own default: how often an idle slot looks for work unless the job says otherwise.
const DEFAULT_POLLING_SECONDS = 2;

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
 * One slot of a queue: it runs one job at a time. pg-boss's loop waits the polling interval (minus
 * the job's duration) after every fetch, and on a queue woken by NOTIFY it waits 30 s — so short
 * jobs would run at one per interval, and a retry or a job scheduled for later (neither sends a
 * NOTIFY) would wait up to 30 s. Hence: the slot fetches again at once after a job it settled (the
 * queue probably has more; an empty fetch falls back to polling), and every queue polls at its own
 * interval whether or not it listens for NOTIFY. A failed job does not hurry the next fetch: when
 * Odoo is down, slots should not spin through the queue failing.
 */
async function workSlot(boss: PgBoss, job: TJobDefinition): Promise<void> {
  const pollingIntervalSeconds = job.pollingIntervalSeconds ?? DEFAULT_POLLING_SECONDS;
  // Known once work() returns, which is before the slot's first fetch can come back.
  const slot: { id?: string } = {};
  slot.id = await boss.work(
    job.name,
    {
      perJobResults: true,
      localConcurrency: 1,
      pollingIntervalSeconds,
      notifyPollingIntervalSeconds: pollingIntervalSeconds,
    },
    async (items) => {
      const results = await Promise.all(items.map((item) => runJob(job, item)));
      // Wakes this slot's loop as soon as these results are written (pg-boss settles them first).
      if (slot.id && results.some((result) => result.status !== "failed")) boss.notifyWorker(slot.id);

      return results;
    },
  );
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
    for (let slot = 0; slot < (job.concurrency ?? 1); slot += 1) await workSlot(boss, job);
  }
  logger.info({ queues: jobs.map((job) => job.name) }, "worker started");

  return { stop: () => boss.stop({ graceful: true, timeout: 30_000 }) };
}
