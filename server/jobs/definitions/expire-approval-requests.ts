import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/** Every 5 minutes: approval requests past their window become EXPIRED (idempotent). */
export const expireApprovalRequestsJob = defineJob({
  name: "approvals.expire-requests",
  version: 1,
  schema: z.object({}).strict(),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 300,
  policy: "exclusive",
  schedule: "*/5 * * * *",
  load: async () => async () => (await import("@/server/approvals/expire-approval-requests")).expireApprovalRequests(),
});
