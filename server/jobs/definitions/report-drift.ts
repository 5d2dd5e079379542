import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/** Hourly: compares the ERP cache with Odoo, records the differences and heals them by re-syncing. */
export const reportDriftJob = defineJob({
  name: "integrations.report-drift",
  version: 1,
  schema: z.object({ heal: z.boolean().default(true) }).strict(),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 1800,
  heartbeatSeconds: 60,
  policy: "exclusive",
  schedule: "17 * * * *",
  load: async () => async (payload: { heal: boolean }) =>
    (await import("@/server/erp/report-drift")).reportDrift(payload),
});
