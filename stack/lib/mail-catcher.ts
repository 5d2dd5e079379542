// The local mail catcher (maildev, from npm): an SMTP server the app's worker sends to and a web
// inbox where a person — or a test, through its REST API (GET /api/email) — reads what was sent.
// Nothing it catches leaves the machine.
import path from "node:path";
import { isPortAnswering, startService, waitForHttp } from "./processes";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type TMailCatcher = { smtpUrl: string; inboxUrl: string };

export async function startMailCatcher({
  smtpPort,
  webPort,
  logDir,
}: {
  smtpPort: number;
  webPort: number;
  logDir: string;
}): Promise<TMailCatcher> {
  for (const [port, name] of [
    [smtpPort, "SMTP_PORT"],
    [webPort, "MAIL_WEB_PORT"],
  ] as const) {
    if (await isPortAnswering(port))
      throw new Error(`Port ${port} is already in use. Stop what runs there or set ${name}.`);
  }
  const service = startService({
    name: "maildev",
    command: path.join(ROOT, "node_modules/.bin/maildev"),
    // Bound to loopback: the catcher has no authentication. Keeps the newest 500 emails, next to the logs.
    args: [
      ...["--smtp", String(smtpPort), "--web", String(webPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1"],
      ...["--max-emails", "500", "--mail-directory", path.join(logDir, "..", "mail")],
    ],
    cwd: ROOT,
    env: {},
    logDir,
  });
  const inboxUrl = `http://localhost:${webPort}`;
  await waitForHttp(`http://127.0.0.1:${webPort}/api/healthz`, { service, timeoutMs: 30_000 });

  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, inboxUrl };
}
