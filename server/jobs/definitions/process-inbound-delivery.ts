import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

export const PROCESS_INBOUND_RETRY_LIMIT = 8;

/**
 * Processes one accepted inbox delivery (a webhook from Odoo or Strapi): the processor for its
 * source and subject re-reads the record from its system and syncs it. Retried with backoff
 * (about 20 minutes in all) while the other system is down; one job per delivery.
 */
export const processInboundDeliveryJob = defineJob({
  name: "integrations.process-inbound-delivery",
  version: 1,
  schema: z.object({ deliveryId: z.uuid() }).strict(),
  retry: { limit: PROCESS_INBOUND_RETRY_LIMIT, delaySeconds: 5, backoff: true, maxDelaySeconds: 300 },
  expireInSeconds: 120,
  heartbeatSeconds: 30,
  policy: "exclusive",
  notify: true,
  // Mostly waiting on Odoo (whose client caps calls in flight): several at once keep up with bursts.
  concurrency: 4,
  load: async () => (await import("@/server/integrations/process-inbound-delivery")).processInboundDelivery,
});
