import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/**
 * Runs a retrying job at the next poll instead of after its backoff delay (e.g. once Odoo is back).
 * Only a job in the retry state moves; anything else is INVALID_STATE. Audited.
 */
export async function retryJobNow(jobId: string, actor: TSessionUser): Promise<{ queue: string }> {
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ name: string }[]>`
      UPDATE pgboss.job SET start_after = now()
      WHERE id = ${jobId}::uuid AND state = 'retry'
      RETURNING name`;
    if (!job) throw new AppError("INVALID_STATE", "This job is not waiting for a retry.");
    await recordAudit(tx, {
      actor,
      action: "operations.job.retry-now",
      entityType: "job",
      entityId: jobId,
      after: { queue: job.name },
    });

    return { queue: job.name };
  });
}
