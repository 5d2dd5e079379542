// Sends queued webhooks the way Odoo's ir.actions.server does (python-requests): one POST
// each, in order, with exactly python-requests' headers, a 1 s timeout, no retry and no
// signature; a failure is only a warning in the log.
import http from "node:http";
import https from "node:https";
import type { TPendingWebhook } from "./orm/env";

const TIMEOUT_MS = 1_000;
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

export type TWebhookFaults = { drop: boolean; delayMs: number };
export type TWebhookLog = (line: string) => void;

export async function sendWebhooks(
  webhooks: TPendingWebhook[],
  faults: TWebhookFaults,
  log: TWebhookLog,
): Promise<void> {
  for (const webhook of webhooks) {
    if (faults.drop) {
      log(`INFO fault injection: webhook to ${webhook.url} dropped`);
      continue;
    }
    if (faults.delayMs > 0) {
      // A late delivery: Odoo would have sent it already; the receiver sees it after the API answered.
      setTimeout(() => void postWebhook(webhook, log), faults.delayMs);
      continue;
    }
    await postWebhook(webhook, log);
  }
}

export function postWebhook(webhook: TPendingWebhook, log: TWebhookLog): Promise<void> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(webhook.url);
    } catch {
      log(`WARNING odoo.addons.base.models.ir_actions: Webhook call failed: Invalid URL '${webhook.url}'`);
      resolve();

      return;
    }
    const isHttps = url.protocol === "https:";
    const body = Buffer.from(webhook.body, "utf8");
    const request = (isHttps ? https : http).request({
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "POST",
      agent: isHttps ? agents.https : agents.http,
      setHost: false,
      headers: {
        Host: url.host,
        "User-Agent": "python-requests/2.28.1",
        "Accept-Encoding": "gzip, deflate",
        Accept: "*/*",
        Connection: "keep-alive",
        "Content-Type": "application/json",
        "Content-Length": String(body.length),
      },
    });
    const timer = setTimeout(() => {
      log(
        "WARNING odoo.addons.base.models.ir_actions: Webhook call timed out after 1s - it may or may not have failed. If this happens often, it may be a sign that the system you're trying to reach is slow or non-functional.",
      );
      request.destroy();
      resolve();
    }, TIMEOUT_MS);
    request.on("response", (response) => {
      response.resume();
      clearTimeout(timer);
      if (response.statusCode && response.statusCode >= 400) {
        log(
          `WARNING odoo.addons.base.models.ir_actions: Webhook call failed: ${response.statusCode} ${http.STATUS_CODES[response.statusCode] ?? "Error"} for url: ${webhook.url}`,
        );
      }
      resolve();
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (!request.destroyed || error.code !== "ECONNRESET") {
        log(
          `WARNING odoo.addons.base.models.ir_actions: Webhook call failed: HTTPConnectionPool(host='${url.hostname}', port=${url.port || 80}): Max retries exceeded with url: ${url.pathname} (Caused by ${error.code ?? error.message})`,
        );
      }
      resolve();
    });
    request.end(body);
  });
}
