import "server-only";
import type { z } from "zod";

/** How a job is retried by pg-boss before it is dead-lettered. */
export type TRetryPolicy = {
  /** Attempts after the first. */
  limit: number;
  /** Seconds before the first retry; doubled (with jitter) per attempt when `backoff`. */
  delaySeconds: number;
  backoff: boolean;
  /** Upper bound for the backoff delay. */
  maxDelaySeconds?: number;
};

export type TJobContext = {
  jobId: string;
  /** 0 on the first run, n on the n-th retry. */
  attempt: number;
  correlationId: string;
};

export type TJobHandler<P> = (payload: P, context: TJobContext) => Promise<unknown>;

/**
 * A background job. The definition is cheap to import (the app imports it to enqueue); the
 * handler is loaded only in the worker, on first use, so the app's bundle never carries it.
 * Handlers must be idempotent: pg-boss delivers at least once (a worker killed mid-job runs
 * it again).
 */
export type TJobDefinition<S extends z.ZodType = z.ZodType> = {
  /** The pg-boss queue; its dead letters go to `<name>.dead`. */
  name: string;
  /** Bumped when the payload changes incompatibly; a worker only runs payloads of its own version. */
  version: number;
  schema: S;
  retry: TRetryPolicy;
  /** How long one run may take before pg-boss counts it as failed (and retries it). */
  expireInSeconds: number;
  /**
   * When set, the worker confirms every `heartbeatSeconds / 2` that it is still alive; a job whose
   * worker died is retried after `heartbeatSeconds` instead of waiting for `expireInSeconds`.
   */
  heartbeatSeconds?: number;
  /**
   * pg-boss's queue policy. `exclusive`: at most one job per singleton key is waiting, retrying or
   * running (e.g. one push per order); jobs enqueued meanwhile with the same key are dropped.
   */
  policy?: "standard" | "exclusive";
  /**
   * Wake a worker the moment a job is written (PostgreSQL NOTIFY at commit) instead of at its next
   * poll (every 2 s): for work someone is waiting to see, such as a webhook reaching a page.
   * Retries and jobs scheduled for later send no NOTIFY: the poll still finds them.
   */
  notify?: boolean;
  /** Jobs of this queue one worker process runs at once (1 by default). */
  concurrency?: number;
  /**
   * How often an idle slot looks for work (2 s by default; at least 0.5): the longest a job that
   * is due waits to be picked up. A slot that has just finished a job looks again at once.
   */
  pollingIntervalSeconds?: number;
  /** A cron expression (UTC) when the job runs on a schedule. */
  schedule?: string;
  load: () => Promise<TJobHandler<z.infer<S>>>;
};

export function defineJob<S extends z.ZodType>(definition: TJobDefinition<S>): TJobDefinition<S> {
  return definition;
}

export const deadLetterQueueOf = (job: Pick<TJobDefinition, "name">) => `${job.name}.dead`;
