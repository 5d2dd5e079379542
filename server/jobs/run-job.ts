import "server-only";
import type { JobResult } from "pg-boss";
import { isAppError } from "@/lib/errors";
import type { TJobDefinition, TJobHandler } from "@/server/jobs/job-definition";
import { ZJobEnvelope } from "@/server/jobs/job-envelope";
import { logger, runWithCorrelation } from "@/server/logger";

export type TJobItem = { id: string; data: unknown; retryCount?: number };

/**
 * Whether trying again may help. An error that says so itself decides (AppError always does:
 * UPSTREAM_FAILED by default, Odoo's errors as mapped by server/odoo/to-app-error.ts); anything
 * unexpected — a dropped connection, a bug fixed by the next deploy — is retried until the
 * job's policy gives up.
 */
export function isRetryable(error: unknown): boolean {
  const flag = (error as { retryable?: unknown } | null)?.retryable;

  return typeof flag === "boolean" ? flag : true;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const handlers = new Map<string, Promise<TJobHandler<unknown>>>();

function handlerOf(job: TJobDefinition): Promise<TJobHandler<unknown>> {
  let handler = handlers.get(job.name);
  if (!handler) {
    handler = job.load().catch((error: unknown) => {
      handlers.delete(job.name);
      throw error;
    });
    handlers.set(job.name, handler);
  }

  return handler;
}

/**
 * Runs one job and says how pg-boss must settle it: completed with its output; failed (pg-boss
 * retries it per the job's policy, then dead-letters it) when a retryable error is thrown;
 * dead-lettered at once when retrying cannot help — a payload that does not match the schema,
 * a version this worker does not run, or a permanent error. The output always says why.
 */
export async function runJob(job: TJobDefinition, item: TJobItem): Promise<JobResult> {
  const envelope = ZJobEnvelope.safeParse(item.data);
  const correlationId = (envelope.success && envelope.data.correlationId) || `job:${item.id}`;

  return runWithCorrelation(correlationId, async () => {
    const log = { queue: job.name, jobId: item.id, attempt: item.retryCount ?? 0 };
    const deadLetter = (error: string, detail: Record<string, unknown> = {}): JobResult => {
      logger.error({ ...log, error, ...detail }, "job dead-lettered");

      return { id: item.id, status: "deadletter", output: { error, ...detail } };
    };
    if (!envelope.success) return deadLetter("INVALID_PAYLOAD", { issues: ["payload: not a Tradepost job envelope"] });
    if (envelope.data.version > job.version) {
      // Enqueued by newer code during a rolling deploy: a newer worker will take the retry.
      logger.warn(
        { ...log, version: envelope.data.version },
        "job from a newer version; leaving it for a newer worker",
      );

      return { id: item.id, status: "failed", output: { error: "NEWER_VERSION", version: envelope.data.version } };
    }
    if (envelope.data.version < job.version)
      return deadLetter("VERSION_MISMATCH", { version: envelope.data.version, expected: job.version });
    const parsed = job.schema.safeParse(envelope.data.payload ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`);

      return deadLetter("INVALID_PAYLOAD", { issues });
    }

    const started = performance.now();
    try {
      const handle = await handlerOf(job);
      const output = await handle(parsed.data, { jobId: item.id, attempt: item.retryCount ?? 0, correlationId });
      logger.info({ ...log, durationMs: Math.round(performance.now() - started), output }, "job done");

      return { id: item.id, status: "completed", output: output ?? null };
    } catch (error) {
      const code = isAppError(error) ? error.code : "ERROR";
      if (!isRetryable(error)) return deadLetter(code, { message: messageOf(error) });
      logger.warn({ ...log, err: error }, "job failed; pg-boss retries it");

      return { id: item.id, status: "failed", output: { error: code, message: messageOf(error) } };
    }
  });
}
