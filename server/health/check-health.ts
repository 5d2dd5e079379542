import "server-only";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";

export type TCheck = { status: "ok" | "down"; latencyMs: number; detail?: string };
export type THealth = { status: "ok" | "degraded"; checkedAt: string; checks: { database: TCheck; medusa: TCheck; odoo: TCheck } };

const TIMEOUT_MS = 3_000;

async function timed(run: () => Promise<string | undefined>): Promise<TCheck> {
  const started = performance.now();
  try {
    const detail = await run();

    return { status: "ok", latencyMs: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (error) {
    // Only the kind of failure is reported: messages can carry hosts or credentials.
    const name = error instanceof Error ? (error.name === "TimeoutError" ? "timeout" : error.name) : "error";

    return { status: "down", latencyMs: Math.round(performance.now() - started), detail: name };
  }
}

async function getOk(url: string): Promise<Response> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: "no-store" });
  if (!response.ok) throw Object.assign(new Error(), { name: `HTTP ${response.status}` });

  return response;
}

/** Database, Medusa and Odoo reachability, checked in parallel, each with its latency. */
export async function checkHealth(): Promise<THealth> {
  const env = getEnv();
  const [database, medusa, odoo] = await Promise.all([
    timed(async () => {
      await Promise.race([db.$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error(), { name: "TimeoutError" })), TIMEOUT_MS))]);

      return undefined;
    }),
    timed(async () => {
      await getOk(`${env.MEDUSA_URL}/health`);

      return undefined;
    }),
    timed(async () => {
      const body = (await (await getOk(`${env.ODOO_URL}/web/version`)).json()) as { version?: unknown };

      return typeof body.version === "string" ? `Odoo ${body.version}` : undefined;
    }),
  ]);
  const allOk = [database, medusa, odoo].every((check) => check.status === "ok");

  return { status: allOk ? "ok" : "degraded", checkedAt: new Date().toISOString(), checks: { database, medusa, odoo } };
}
