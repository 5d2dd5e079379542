import "server-only";
import { defineJob } from "@/server/jobs/job-definition";
import { ZEmailMessage } from "@/server/mail/email-message";

/**
 * Sends one email (server/mail/templates.ts lists them and their data). Enqueue it in the
 * transaction that makes the change the email tells about — `enqueue(tx, sendEmailJob,
 * { template, to, data })` — never send from a request. Retried with backoff for about 14 hours.
 */
export const sendEmailJob = defineJob({
  name: "mail.send-email",
  version: 1,
  schema: ZEmailMessage,
  retry: { limit: 20, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 },
  expireInSeconds: 120,
  notify: true,
  concurrency: 2,
  load: async () => (await import("@/server/mail/send-email")).sendEmail,
});
