import "server-only";
import { mailFrom } from "@/lib/env-schema";
import { AppError } from "@/lib/errors";
import { linkTokenFor } from "@/server/auth/link-token";
import { getEnv } from "@/server/env";
import type { TJobContext } from "@/server/jobs/job-definition";
import { logger } from "@/server/logger";
import type { TEmailMessage } from "@/server/mail/email-message";
import { renderEmail, type TRenderedEmail } from "@/server/mail/render-email";
import { EMAIL_TEMPLATES, type TTemplateContext } from "@/server/mail/templates";
import { getMailTransport } from "@/server/mail/transport";

/** Renders a message to its subject, HTML and plain-text parts (pure apart from reading APP_URL and the secret). */
export function renderEmailMessage(message: TEmailMessage): TRenderedEmail {
  const appUrl = getEnv().APP_URL;
  const context: TTemplateContext = {
    appLink: (path) => `${appUrl}${path}`,
    invitationLink: (id) => `${appUrl}/invite/${linkTokenFor("invitation", id)}`,
    passwordResetLink: (id) => `${appUrl}/reset-password/${linkTokenFor("password-reset", id)}`,
  };
  const build = EMAIL_TEMPLATES[message.template] as (data: TEmailMessage["data"], c: TTemplateContext) => never;

  return renderEmail(build(message.data, context));
}

/**
 * Sends one email through SMTP (the send-email job's handler). At least once: a worker that dies
 * after the server accepted the mail sends it again on retry; the Message-ID is the job's id, so
 * the copies are recognisable as one. A recipient the server refuses for good (5xx) is not retried.
 */
export async function sendEmail(message: TEmailMessage, context: TJobContext): Promise<{ messageId: string }> {
  const rendered = renderEmailMessage(message);
  const { transport, delivers } = getMailTransport();
  const messageId = `<${context.jobId}@tradepost.mail>`;
  try {
    await transport.sendMail({
      from: mailFrom(getEnv()),
      to: message.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      headers: { "X-Tradepost-Template": message.template },
    });
  } catch (error) {
    const responseCode = (error as { responseCode?: unknown }).responseCode;
    if (typeof responseCode === "number" && responseCode >= 500 && responseCode < 600) {
      throw new AppError("INVALID_STATE", `The mail server refused the email (${responseCode})`, undefined, {
        retryable: false,
        cause: error,
      });
    }
    throw error;
  }
  if (!delivers)
    logger.info({ template: message.template, to: message.to, text: rendered.text }, "email not sent: no SMTP_URL");

  return { messageId };
}
