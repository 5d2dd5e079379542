import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { getOperationsBoss } from "@/server/operations/operations-boss";
import { bossDbOf } from "@/server/operations/pg-boss-tx";

type TJobRow = { id: string; name: string; state: string; data: { payload?: unknown } | null };

/**
 * Cancels a job that has not finished (waiting, retrying, running) or a dead letter (it leaves the
 * replay list), with the operator's reason in the audit log, in one transaction. A running job's
 * worker finishes its current attempt but pg-boss does not settle or retry it. Cancelling a job
 * that already finished or was cancelled is refused (INVALID_STATE), so the log holds one entry per
 * cancellation.
 */
export async function cancelJob(
  { jobId, reason }: { jobId: string; reason: string },
  actor: TSessionUser,
): Promise<{ queue: string }> {
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<TJobRow[]>`
      SELECT id, name, state::text AS state, data FROM pgboss.job WHERE id = ${jobId}::uuid FOR UPDATE`;
    if (!job) throw new AppError("NOT_FOUND", "No such job (it may have been cleaned up).");
    if (!["created", "retry", "active"].includes(job.state))
      throw new AppError(
        "INVALID_STATE",
        `This job is ${job.state}; only waiting, retrying or running jobs can be cancelled.`,
      );
    const boss = await getOperationsBoss();
    await boss.cancel(job.name, job.id, { db: bossDbOf(tx) });
    const orderId = (job.data?.payload as { orderId?: unknown } | undefined)?.orderId;
    // On the order when the job is about one, so the order's timeline shows the cancellation.
    await recordAudit(tx, {
      actor,
      action: "operations.job.cancel",
      entityType: typeof orderId === "string" ? "order" : "job",
      entityId: typeof orderId === "string" ? orderId : job.id,
      before: { state: job.state },
      after: { queue: job.name, jobId: job.id, reason, payload: (job.data?.payload ?? null) as object | null },
    });

    return { queue: job.name };
  });
}
