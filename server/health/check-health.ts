import "server-only";
import { TimeoutError, withinTimeout } from "@/lib/within-timeout";
import { db } from "@/server/db";
import { pingMedusa } from "@/server/medusa/ping-medusa";
import { OdooError } from "@/server/odoo/errors";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { strapiSettings } from "@/server/pim/client";
import { pingStrapi } from "@/server/pim/ping-strapi";

export type TCheckStatus = "ok" | "down";
/** `detail` is a version when up, the kind of failure when down — never a message (they can carry hosts or credentials). */
export type TCheck = { status: TCheckStatus; latencyMs: number; detail?: string };
export type THealth = {
  status: "ok" | "degraded";
  checkedAt: string;
  /** `pim` only when one is configured; reported, not counted: pages render without it. */
  checks: { database: TCheck; medusa: TCheck; odoo: TCheck; pim?: TCheck };
};

const TIMEOUT_MS = 3_000;

function failureKind(error: unknown): string {
  if (error instanceof TimeoutError) return "timeout";
  if (error instanceof OdooError) return error.kind === "http" ? error.exception : error.kind;
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") return `HTTP ${status}`;

  return error instanceof Error ? error.name : "error";
}

async function timed(run: () => Promise<string | undefined>): Promise<TCheck> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    const detail = await withinTimeout(run(), TIMEOUT_MS);

    return { status: "ok", latencyMs: latencyMs(), ...(detail ? { detail } : {}) };
  } catch (error) {
    return { status: "down", latencyMs: latencyMs(), detail: failureKind(error) };
  }
}

/**
 * Database, Medusa and Odoo reachability, checked in parallel through the app's own clients, each
 * with its latency and a version or failure kind. Read-only; never throws. Not cached: see getHealth.
 */
export async function checkHealth(): Promise<THealth> {
  const pim = strapiSettings();
  const [database, medusa, odoo, pimCheck] = await Promise.all([
    timed(async () => {
      const [row] = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;

      return row ? `PostgreSQL ${row.version}` : undefined;
    }),
    timed(async () => {
      await pingMedusa({ signal: AbortSignal.timeout(TIMEOUT_MS) });

      return undefined;
    }),
    timed(async () => `Odoo ${(await getOdooClient().version()).version}`),
    pim ? timed(async () => pingStrapi(pim).then(() => "Strapi")) : undefined,
  ]);
  const allOk = [database, medusa, odoo].every((check) => check.status === "ok");
  const checks = { database, medusa, odoo, ...(pimCheck ? { pim: pimCheck } : {}) };

  return { status: allOk ? "ok" : "degraded", checkedAt: new Date().toISOString(), checks };
}
