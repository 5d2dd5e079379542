import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/server/env";

let transport: Transporter | null = null;

/**
 * The SMTP connection from SMTP_URL (pooled, reused by every email the worker sends). Without
 * SMTP_URL — allowed outside production only — emails are rendered but not sent: the sender logs
 * them, so development works without a mail server.
 */
export function getMailTransport(): { transport: Transporter; delivers: boolean } {
  const url = getEnv().SMTP_URL;
  transport ??= url
    ? nodemailer.createTransport({
        url,
        pool: true,
        maxConnections: 2,
        connectionTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : nodemailer.createTransport({ jsonTransport: true });

  return { transport, delivers: Boolean(url) };
}

/** Closes the pooled connections (tests and workers that exit). */
export function closeMailTransport(): void {
  transport?.close();
  transport = null;
}
