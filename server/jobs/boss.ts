import "server-only";
import { PgBoss, type Queue } from "pg-boss";
import { getEnv } from "@/server/env";
import { deadLetterQueueOf, type TJobDefinition } from "@/server/jobs/job-definition";
import { logger } from "@/server/logger";

/**
 * A pg-boss instance on Tradepost's database (schema `pgboss`). Errors are logged, never
 * thrown from the emitter: pg-boss keeps polling and reconnects when PostgreSQL is back.
 */
export function createBoss({
  supervise = true,
  schedule = true,
}: { supervise?: boolean; schedule?: boolean } = {}): PgBoss {
  const boss = new PgBoss({
    connectionString: getEnv().DATABASE_URL,
    schema: "pgboss",
    supervise,
    schedule,
    max: 5,
    // Supervision fails jobs whose worker stopped sending heartbeats (killed, machine lost) so
    // they are retried; every 10 s rather than pg-boss's 60 s keeps that rescue under a minute.
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
    // Workers listen for NOTIFY on queues that ask for it (job.notify); polling stays the floor.
    useListenNotify: supervise,
  });
  boss.on("error", (error) => logger.error({ err: error }, "pg-boss error"));
  boss.on("warning", (warning) => logger.warn({ warning }, "pg-boss warning"));

  return boss;
}

/** The queue options a job definition asks for (retry policy, expiry, heartbeat, dead letters). */
export function queueOptionsOf(job: TJobDefinition): Omit<Queue, "name"> {
  return {
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    ...(job.retry.maxDelaySeconds ? { retryDelayMax: job.retry.maxDelaySeconds } : {}),
    expireInSeconds: job.expireInSeconds,
    ...(job.heartbeatSeconds ? { heartbeatSeconds: job.heartbeatSeconds } : {}),
    deadLetter: deadLetterQueueOf(job),
    notify: job.notify ?? false,
  };
}

/**
 * Creates (or brings up to date) the queue of each job and its dead-letter queue. Safe to run
 * from every process at start: the app runs it before its first enqueue, the worker at start.
 */
export async function ensureQueues(boss: PgBoss, jobs: readonly TJobDefinition[]): Promise<void> {
  for (const job of jobs) {
    const deadLetter = deadLetterQueueOf(job);
    if (!(await boss.getQueue(deadLetter))) await boss.createQueue(deadLetter, { retentionSeconds: 30 * 86_400 });
    const options = queueOptionsOf(job);
    if (await boss.getQueue(job.name)) {
      await boss.updateQueue(job.name, {
        ...options,
        retryDelayMax: options.retryDelayMax ?? null,
        heartbeatSeconds: options.heartbeatSeconds ?? null,
      });
    } else {
      await boss.createQueue(job.name, { ...options, policy: job.policy ?? "standard" });
    }
  }
}
