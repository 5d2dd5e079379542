import "server-only";
import type { PgBoss } from "pg-boss";
import { createBoss, ensureQueues } from "@/server/jobs/boss";
import { JOBS } from "@/server/jobs/registry";

let started: Promise<PgBoss> | null = null;

/** The console's pg-boss handle (it never works or supervises jobs): replays and cancellations go through pg-boss's own API. */
export function getOperationsBoss(): Promise<PgBoss> {
  started ??= (async () => {
    const boss = createBoss({ supervise: false, schedule: false });
    await boss.start();
    await ensureQueues(boss, JOBS);

    return boss;
  })().catch((error: unknown) => {
    started = null;
    throw error;
  });

  return started;
}

/** Stops the handle (tests and scripts that exit). */
export async function stopOperationsBoss(): Promise<void> {
  const running = started;
  started = null;
  await (await running?.catch(() => null))?.stop({ graceful: false });
}

/** The queue a dead-letter queue collects from: "orders.push-to-odoo" for "orders.push-to-odoo.dead". */
export const DEAD_SUFFIX = ".dead";
