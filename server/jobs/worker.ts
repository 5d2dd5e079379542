// npm run worker — runs Tradepost's background jobs on pg-boss. Scale out by starting more
// of these (on any machine): pg-boss hands each job to one worker. Stops gracefully on
// SIGTERM/SIGINT (active jobs finish, up to 30 s); survives PostgreSQL restarts.
import "server-only";
import { getEnv } from "@/server/env";
import { JOBS } from "@/server/jobs/registry";
import { runWorkerProcess } from "@/server/jobs/run-worker-process";
import { logger } from "@/server/logger";

try {
  getEnv();
} catch (error) {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
}
runWorkerProcess(JOBS);
