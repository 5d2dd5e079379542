import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/**
 * Every 5 minutes: records orders Medusa completed for Tradepost's checkout whose local
 * transaction failed (see recoverUnrecordedCheckouts), looking back a day.
 */
export const recoverCheckoutJob = defineJob({
  name: "orders.recover-checkouts",
  version: 1,
  schema: z.object({ sinceMinutes: z.number().int().positive().max(10_080).default(1_440) }).strict(),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 600,
  heartbeatSeconds: 60,
  policy: "exclusive",
  schedule: "*/5 * * * *",
  load: async () => async (payload: { sinceMinutes: number }) =>
    (await import("@/server/checkout/recover-unrecorded-checkouts")).recoverUnrecordedCheckouts(payload),
});
