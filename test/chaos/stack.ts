// What a chaos run stands on: a PostgreSQL of its own (embedded, so that the run can kill its
// sessions and restart it with `-m immediate` without touching anyone else's), migrated; the Odoo
// emulator in this process (its fault injection and clock); the demo customers and products; and
// push workers as real child processes (the same start-up as `npm run worker`) that a case can
// SIGKILL and restart. Used by `npm run test:chaos` and by the short run inside `npm test`.
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { startService, stopService, type TService } from "../../stack/lib/processes";
import { seedPushFixtures, type TOdooTarget, type TPushFixtures } from "../../bench/push/fixtures";
import { EMULATOR_API_KEY, startTestEmulator } from "../support/odoo-emulator";
import { startScratchPostgres } from "../support/scratch-postgres";

const TSX = path.resolve("node_modules/.bin/tsx");
const WORKER_ENTRY = "test/chaos/worker.ts";

/**
 * The worker's settings in every case: Odoo's answer awaited 2 s (injected timeouts hold 3 s),
 * two pushes in flight per worker, and retry delays compressed 15× (1–2 s instead of 15 s–1 h) so
 * that a run of faults fits in minutes. The retry horizon (72 h) is the production one.
 */
export const CHAOS_WORKER_ENV = {
  ODOO_PROTOCOL: "json2",
  ODOO_DB: "erp",
  ODOO_API_KEY: EMULATOR_API_KEY,
  ODOO_TIMEOUT_MS: "2000",
  ORDER_PUSH_CONCURRENCY: "2",
  ORDER_PUSH_RETRY_DELAY_SECONDS: "1",
  ORDER_PUSH_RETRY_MAX_DELAY_SECONDS: "2",
  // No second create while an unanswered one may still commit (180 s in production, after Odoo's
  // 120 s request limit): compressed too, above the injected timeouts' 3 s hold.
  ORDER_PUSH_CREATE_SETTLE_SECONDS: "10",
};

/** The workers log warnings and up as JSON lines (kept for a failing case's message). */
const WORKER_LOG_ENV = { LOG_LEVEL: "warn", LOG_FORMAT: "json" };

/** What the app's environment schema requires beside the above; nothing here talks to Medusa. */
const APP_ENV_DEFAULTS = {
  APP_URL: "http://localhost:3000",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "chaos-run-secret-chaos-run-secret-0123456",
  PRICING_QUOTE_SECRET: "chaos-run-quote-secret-chaos-run-0123456",
  MEDUSA_URL: "http://127.0.0.1:9",
  MEDUSA_PUBLISHABLE_KEY: "pk_chaos",
  MEDUSA_SECRET_API_KEY: "sk_chaos",
};

export type TWorkerJobs = "push" | "push+reconcile";

type TPostgresServer = {
  process?: { pid?: number; kill: (signal: NodeJS.Signals) => boolean; once: (event: "exit", fn: () => void) => void };
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

/** The embedded PostgreSQL of a chaos run, with the two faults a run inflicts on it. */
async function startOwnPostgres() {
  // Persistent: an immediate restart must find its data again (the folder is removed at the end).
  const { url, server: embedded, remove } = await startScratchPostgres("chaos", { persistent: true });
  const server = embedded as unknown as TPostgresServer;

  return {
    url,
    /** pg_terminate_backend on every other session of the database (the workers', and this process's pools). */
    terminateSessions: async (): Promise<number> => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );

        return rows.filter((row) => row.terminated).length;
      } finally {
        await client.end();
      }
    },
    /**
     * `pg_ctl -m immediate` and start again: SIGQUIT to the postmaster (no checkpoint, every
     * session cut), then a start that recovers from the WAL. Resolves when it accepts connections.
     */
    restartImmediate: async (): Promise<void> => {
      const postmaster = server.process;
      if (!postmaster) throw new Error("the chaos PostgreSQL is not running");
      await new Promise<void>((resolve) => {
        postmaster.once("exit", resolve);
        postmaster.kill("SIGQUIT");
      });
      server.process = undefined;
      await server.start();
    },
    stop: remove,
  };
}

export type TChaosStack = Awaited<ReturnType<typeof startChaosStack>>;

/**
 * Starts the run's PostgreSQL, points this process at it (DATABASE_URL and the worker settings,
 * before any server module reads its environment), the emulator, and seeds the fixtures.
 */
export async function startChaosStack({ onWorkerLine }: { onWorkerLine?: (line: string) => void } = {}) {
  const postgres = await startOwnPostgres();
  for (const [name, value] of Object.entries(APP_ENV_DEFAULTS)) process.env[name] ??= value;
  Object.assign(process.env, CHAOS_WORKER_ENV, { DATABASE_URL: postgres.url });
  const odoo = await startTestEmulator();
  process.env.ODOO_URL = odoo.url;
  const target: TOdooTarget = { url: odoo.url, db: "erp", apiKey: EMULATOR_API_KEY };
  const fixtures: TPushFixtures = await seedPushFixtures(target);
  const workers = new Set<TService>();
  const workerLines: string[] = [];
  /** Workers that died without being killed or stopped by the run (restarted as a supervisor would). */
  const crashes: string[] = [];
  const expectedExits = new Set<TService>();
  let stopping = false;
  const restarts = new Set<NodeJS.Timeout>();
  let started = 0;

  function startWorker(jobs: TWorkerJobs = "push"): TService {
    started += 1;
    const worker = startService({
      name: `chaos-worker-${started}`,
      command: TSX,
      args: ["--conditions=react-server", WORKER_ENTRY],
      env: {
        ...APP_ENV_DEFAULTS,
        ...CHAOS_WORKER_ENV,
        ...WORKER_LOG_ENV,
        DATABASE_URL: postgres.url,
        ODOO_URL: odoo.url,
        CHAOS_WORKER_JOBS: jobs,
      },
      onLine: (line) => {
        if (workerLines.push(line) > 2_000) workerLines.splice(0, 1_000);
        onWorkerLine?.(line);
      },
    });
    workers.add(worker);
    worker.child.on("exit", (code, signal) => {
      workers.delete(worker);
      if (expectedExits.delete(worker) || stopping) return;
      crashes.push(`${worker.name} exited by itself (${signal ?? `code ${code}`})`);
      const restart = setTimeout(() => {
        restarts.delete(restart);
        startWorker(jobs);
      }, 1_000);
      restarts.add(restart);
    });

    return worker;
  }

  /** SIGKILL to the worker's whole process group (tsx and the node process it runs). */
  function killWorker(worker: TService): void {
    expectedExits.add(worker);
    if (worker.child.pid) process.kill(-worker.child.pid, "SIGKILL");
    workers.delete(worker);
  }

  async function stopWorkers(): Promise<void> {
    stopping = true;
    for (const restart of restarts) clearTimeout(restart);
    restarts.clear();
    await Promise.all([...workers].map((worker) => stopService(worker, 35_000).catch(() => undefined)));
    workers.clear();
    stopping = false;
  }

  return {
    postgres,
    odoo,
    target,
    fixtures,
    workerLines,
    crashes,
    startWorker,
    killWorker,
    stopWorkers,
    runningWorkers: () => [...workers],
    stop: async () => {
      await stopWorkers();
      // The integration-call log of this process's own Odoo calls flushes 250 ms after the last one.
      await sleep(500);
      const { stopSender } = await import("@/server/jobs/enqueue");
      const { closePushLocks } = await import("@/server/orders/push-locks");
      const { disconnectDb } = await import("@/server/db");
      await stopSender().catch(() => undefined);
      await closePushLocks().catch(() => undefined);
      await disconnectDb().catch(() => undefined);
      await odoo.stop();
      await sleep(100);
      await postgres.stop();
    },
  };
}
