import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/** Deletes old webhook deliveries and sync-log runs (retention from the environment; daily at 03:30 UTC). */
export const pruneIntegrationHistoryJob = defineJob({
  name: "maintenance.prune-integration-history",
  version: 1,
  schema: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 900,
  schedule: "30 3 * * *",
  load: async () => async () =>
    (await import("@/server/maintenance/prune-integration-history")).pruneIntegrationHistory(),
});
