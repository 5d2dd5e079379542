import "server-only";
import { pruneLoginAttempts } from "@/server/jobs/definitions/prune-login-attempts";
import type { TJobDefinition } from "@/server/jobs/job-definition";

/** Every job the worker runs. A queue is created for each at worker start. */
export const JOBS: TJobDefinition[] = [pruneLoginAttempts];

export const DEAD_LETTER_QUEUE = "tradepost.dead-letter";
