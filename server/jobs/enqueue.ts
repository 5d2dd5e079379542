import "server-only";
import type { PgBoss } from "pg-boss";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { createBoss, ensureQueues } from "@/server/jobs/boss";
import type { TJobDefinition } from "@/server/jobs/job-definition";
import type { TJobEnvelope } from "@/server/jobs/job-envelope";
import { JOBS } from "@/server/jobs/registry";
import { currentCorrelationId } from "@/server/logger";

export type TTransaction = Prisma.TransactionClient;
export type TEnqueueOptions = {
  /** With an `exclusive` queue: no second job with this key while one waits, retries or runs. */
  singletonKey?: string;
  startAfter?: Date;
  /** The job's id, when the caller wants to record it alongside (a UUID). */
  id?: string;
};

let sender: Promise<PgBoss> | null = null;

// The app's own pg-boss handle: it never works jobs or supervises, it only sends. Started on
// first use (which also installs pg-boss's schema on a fresh database) with every queue made.
function getSender(): Promise<PgBoss> {
  sender ??= (async () => {
    const boss = createBoss({ supervise: false, schedule: false });
    await boss.start();
    await ensureQueues(boss, JOBS);

    return boss;
  })().catch((error: unknown) => {
    sender = null;
    throw error;
  });

  return sender;
}

/**
 * Writes a job in the caller's database transaction (the transactional outbox): the job exists
 * if and only if the transaction commits, so a domain row and the work it implies are never
 * separated. The payload is checked against the job's schema here, so a bad one fails the
 * transaction instead of reaching the worker. Returns the job id, or null when an exclusive
 * queue already holds a job with the same singleton key.
 */
export async function enqueue<S extends z.ZodType>(
  tx: TTransaction,
  job: TJobDefinition<S>,
  payload: z.input<S>,
  options: TEnqueueOptions = {},
): Promise<string | null> {
  job.schema.parse(payload);
  // An exclusive queue keys on the singleton key; without one every job would share the empty key.
  if (job.policy === "exclusive" && !options.singletonKey)
    throw new Error(`${job.name} is exclusive: enqueue it with a singletonKey`);
  const envelope: TJobEnvelope = { version: job.version, correlationId: currentCorrelationId() ?? null, payload };
  const boss = await getSender();
  // pg-boss runs its insert through this adapter, i.e. on the transaction's connection.
  const db = {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };

  return boss.send(job.name, envelope, { ...options, db });
}

/** Stops the sender (tests and scripts that exit). */
export async function stopSender(): Promise<void> {
  const running = sender;
  sender = null;
  await (await running?.catch(() => null))?.stop({ graceful: false });
}
