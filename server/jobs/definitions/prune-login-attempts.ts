import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/** Deletes sign-in attempts older than the retention period (idempotent; daily at 03:15 UTC). */
export const pruneLoginAttemptsJob = defineJob({
  name: "maintenance.prune-login-attempts",
  version: 1,
  schema: z.object({ keepDays: z.number().int().min(1).max(3650).default(30) }).strict(),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 300,
  schedule: "15 3 * * *",
  load: async () => (await import("@/server/maintenance/prune-login-attempts")).pruneLoginAttempts,
});
