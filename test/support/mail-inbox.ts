// Reads the emails the app sent from the mail catcher the test stack starts (maildev's REST API at
// TEST_MAIL_INBOX_URL). Used by integration and end-to-end tests.

export type TCaughtEmail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  from: { address: string; name: string }[];
  headers: Record<string, string>;
  time: string;
};

export function mailInboxUrl(): string {
  const url = process.env.TEST_MAIL_INBOX_URL;
  if (!url) throw new Error("TEST_MAIL_INBOX_URL is not set: run the tests with `npm test` (stack/test.ts).");

  return url;
}

/** Every caught email to `to` (case-insensitive), oldest first. */
export async function emailsTo(to: string): Promise<TCaughtEmail[]> {
  const response = await fetch(`${mailInboxUrl()}/api/email`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  const emails = (await response.json()) as TCaughtEmail[];

  return emails.filter((email) => email.to.some((recipient) => recipient.address.toLowerCase() === to.toLowerCase()));
}

/** Waits until an email to `to` whose subject matches arrives (the worker sends it a moment after the commit). */
export async function waitForEmail(
  to: string,
  subject: RegExp = /.*/,
  { timeoutMs = 30_000, count = 1 }: { timeoutMs?: number; count?: number } = {},
): Promise<TCaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const matching = (await emailsTo(to)).filter((email) => subject.test(email.subject));
    if (matching.length >= count) return matching[matching.length - 1] as TCaughtEmail;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no email to ${to} matching ${subject} within ${timeoutMs / 1000} s`);
}

/** The first link in the plain-text part whose path starts with `pathPrefix` (e.g. "/invite/"). */
export function linkIn(email: Pick<TCaughtEmail, "text">, pathPrefix: string): string {
  const link = email.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`no ${pathPrefix} link in the email:\n${email.text}`);

  return link;
}
