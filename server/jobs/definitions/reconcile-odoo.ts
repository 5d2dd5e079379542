import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/**
 * Repairs what lost webhooks missed: every minute, each reconciled model is polled for what
 * changed in Odoo since its cursor and run through the same syncs as webhooks. One run at a
 * time across all workers; a model that fails is retried by the next run, not by pg-boss.
 */
export const reconcileOdooJob = defineJob({
  name: "integrations.reconcile-odoo",
  version: 1,
  schema: z.object({ models: z.array(z.string().max(80)).max(20).optional() }).strict(),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 600,
  heartbeatSeconds: 30,
  policy: "exclusive",
  schedule: "* * * * *",
  load: async () => (await import("@/server/integrations/reconcile-odoo")).reconcileOdoo,
});
