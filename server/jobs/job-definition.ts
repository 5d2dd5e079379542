import "server-only";
import type { QueueOptions } from "pg-boss";
import type { z } from "zod";

/** A background job: its queue, the schema its payload must match, and its handler. */
export type TJobDefinition<S extends z.ZodType = z.ZodType> = {
  queue: string;
  schema: S;
  queueOptions?: QueueOptions;
  /** A cron expression (UTC) when the job runs on a schedule. */
  schedule?: string;
  handle: (payload: z.infer<S>, context: { jobId: string }) => Promise<unknown>;
};

export function defineJob<S extends z.ZodType>(definition: TJobDefinition<S>): TJobDefinition<S> {
  return definition;
}
