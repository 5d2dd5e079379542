// Odoo-shaped webhook deliveries for the benches (bench:webhooks, bench:soak): the body Odoo's
// "Send Webhook Notification" sends, and the demo's webhook token and secrets.
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export function demoSecrets(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, ".stack", "secrets.json"), "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function webhookToken(secrets: Record<string, unknown>): string {
  const fromSecrets = [secrets.odooWebhookToken, secrets.odooWebhookTokens].find(
    (value) => typeof value === "string",
  ) as string | undefined;
  const token = process.env.BENCH_WEBHOOK_TOKEN ?? fromSecrets?.split(",")[0];
  if (!token) throw new Error("No webhook token: set BENCH_WEBHOOK_TOKEN (one of the app's ODOO_WEBHOOK_TOKENS).");

  return token;
}

/** A body as Odoo's "Send Webhook Notification" sends it: json.dumps(sort_keys=True), many2one as bare ids. */
export function odooBody(model: string, id: number, writeDate: string): string {
  const record: Record<string, unknown> = {
    _action: `Tradepost bench(#${id})`,
    _id: id,
    _model: model,
    id,
    name: `Bench ${id}`,
    write_date: writeDate,
  };
  const sorted = Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );

  return JSON.stringify(sorted).replaceAll('":', '": ').replaceAll(',"', ', "');
}

/** A write_date as Odoo writes it in a webhook body: UTC, a space before the time, microseconds. */
export const odooWriteDate = (at: number) =>
  new Date(at).toISOString().replace("T", " ").replace("Z", "000").slice(0, 26);
