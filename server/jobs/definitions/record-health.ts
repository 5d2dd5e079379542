import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/job-definition";

/** Every minute: health samples for the operations overview (and proof a worker runs); prunes old samples and calls. */
export const recordHealthJob = defineJob({
  name: "operations.record-health",
  version: 1,
  schema: z.object({}).strict(),
  retry: { limit: 0, delaySeconds: 10, backoff: false },
  expireInSeconds: 50,
  policy: "exclusive",
  schedule: "* * * * *",
  load: async () => async () => (await import("@/server/operations/record-health-sample")).recordHealthSample(),
});
