import "server-only";
import { z } from "zod";
import { getEnv } from "@/server/env";
import { defineJob } from "@/server/jobs/job-definition";

/**
 * Repairs what lost Strapi webhooks missed, for every app instance (server/pim/reconcile-product-content.ts).
 * Every STRAPI_RECONCILE_CRON (every 5 minutes by default); one run at a time across all workers;
 * Strapi down fails the run and the next one starts from the same watermark.
 */
export const reconcileProductContentJob = defineJob({
  name: "pim.reconcile-product-content",
  version: 1,
  schema: z.object({}).strict(),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 600,
  heartbeatSeconds: 30,
  policy: "exclusive",
  // A getter: read when the worker registers its schedules (where the environment is validated),
  // not when the app imports job definitions to enqueue.
  get schedule() {
    return getEnv().STRAPI_RECONCILE_CRON;
  },
  load: async () => async () => (await import("@/server/pim/reconcile-product-content")).reconcileProductContent(),
});
