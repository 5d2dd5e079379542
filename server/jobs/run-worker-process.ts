import "server-only";
import type { TJobDefinition } from "@/server/jobs/job-definition";
import { startWorker } from "@/server/jobs/start-worker";
import { logger } from "@/server/logger";

/** A worker process's life: start, then stop gracefully on SIGTERM/SIGINT and exit. */
export function runWorkerProcess(jobs: readonly TJobDefinition[]): void {
  const starting = startWorker(jobs);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    const worker = await starting.catch(() => null); // a failed start exits below
    if (!worker) return;
    await worker.stop();
    process.exit(0);
  };
  // Listening from the first moment: a SIGTERM while the worker still starts (a quick redeploy,
  // a restart right after a crash) waits for the start and then stops gracefully, instead of
  // killing the process with Node's default handler.
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  starting.catch((error: unknown) => {
    logger.fatal({ err: error }, "worker failed to start");
    process.exit(1);
  });
}
