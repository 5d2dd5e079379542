import "server-only";
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/job-definition";

const DEFAULT_KEEP_DAYS = 30;

/** Deletes sign-in attempts older than the retention period (idempotent; daily at 03:15 UTC). */
export const pruneLoginAttempts = defineJob({
  queue: "maintenance.prune-login-attempts",
  schema: z.object({ keepDays: z.number().int().min(1).max(3650).default(DEFAULT_KEEP_DAYS) }).strict(),
  schedule: "15 3 * * *",
  queueOptions: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  handle: async ({ keepDays }) => {
    const cutoff = new Date(Date.now() - keepDays * 86_400_000);
    const { count } = await db.loginAttempt.deleteMany({ where: { at: { lt: cutoff } } });

    return { deleted: count };
  },
});
