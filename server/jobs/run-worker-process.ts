import "server-only";
import type { TJobDefinition } from "@/server/jobs/job-definition";
import { startWorker } from "@/server/jobs/start-worker";
import { logger } from "@/server/logger";

/** A worker process's life: start, then stop gracefully on SIGTERM/SIGINT and exit. */
export function runWorkerProcess(jobs: readonly TJobDefinition[]): void {
  startWorker(jobs).then(
    (worker) => {
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, "worker stopping");
        await worker.stop();
        process.exit(0);
      };
      process.on("SIGTERM", () => void stop("SIGTERM"));
      process.on("SIGINT", () => void stop("SIGINT"));
    },
    (error: unknown) => {
      logger.fatal({ err: error }, "worker failed to start");
      process.exit(1);
    },
  );
}
