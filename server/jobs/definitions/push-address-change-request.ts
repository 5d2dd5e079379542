import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/** Puts a member's address change request into Odoo as a to-do on the partner (idempotent by our reference). */
export const pushAddressChangeRequestJob = defineJob({
  name: "organisations.push-address-change-request",
  version: 1,
  schema: z.object({ requestId: z.uuid() }).strict(),
  retry: { limit: 30, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 },
  expireInSeconds: 120,
  load: async () => (await import("@/server/organisations/push-address-change-request")).pushAddressChangeRequest,
});
