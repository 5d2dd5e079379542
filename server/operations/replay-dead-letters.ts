import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { DEAD_SUFFIX, getOperationsBoss } from "@/server/operations/operations-boss";
import { bossDbOf } from "@/server/operations/pg-boss-tx";

type TDeadRow = { id: string; name: string; data: { payload?: { orderId?: unknown } } | null };

export type TReplayResult = {
  /** Dead letters put back on their queue now. */
  replayed: number;
  /** Asked for but not replayed: already replayed or cancelled, or its queue holds a job with the same key. */
  skipped: number;
};

/**
 * Puts dead letters back on the queue they came from (pg-boss's redrive: same payload, same
 * correlation id and singleton key, retries counted afresh). Idempotent: a dead letter leaves its
 * queue when it is replayed, so replaying it again (or twice at once) finds nothing; on an exclusive
 * queue a job with the same singleton key still waiting or running blocks the replay. An order whose
 * push is replayed is QUEUED again. Audited per dead letter, in the same transaction.
 */
export async function replayDeadLetters(ids: string[], actor: TSessionUser): Promise<TReplayResult> {
  if (ids.length === 0) throw new AppError("INVALID_INPUT", "Choose at least one dead letter to replay.");
  const boss = await getOperationsBoss();

  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<TDeadRow[]>`
      SELECT id, name, data FROM pgboss.job
      WHERE id = ANY(${ids}::uuid[]) AND name LIKE ${"%" + DEAD_SUFFIX} AND state = 'created'
      FOR UPDATE SKIP LOCKED`;
    let replayed = 0;
    for (const name of new Set(rows.map((row) => row.name))) {
      const group = rows.filter((row) => row.name === name);
      const moved = await boss.redrive(name, { ids: group.map((row) => row.id), db: bossDbOf(tx) });
      replayed += moved;
      if (moved === 0) continue;
      // Only the rows that left the dead-letter queue were replayed (a conflict fails the row in place).
      const left = new Set(
        (
          await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM pgboss.job WHERE id = ANY(${group.map((row) => row.id)}::uuid[])`
        ).map((row) => row.id),
      );
      for (const row of group.filter((candidate) => !left.has(candidate.id))) {
        const queue = name.slice(0, -DEAD_SUFFIX.length);
        const orderId = row.data?.payload?.orderId;
        if (queue === pushOrderToOdooJob.name && typeof orderId === "string")
          await tx.order.updateMany({ where: { id: orderId, pushStatus: "FAILED" }, data: { pushStatus: "QUEUED" } });
        // On the order when the job is about one, so the order's timeline shows who replayed it.
        await recordAudit(tx, {
          actor,
          action: "operations.dead-letter.replay",
          entityType: typeof orderId === "string" ? "order" : "job",
          entityId: typeof orderId === "string" ? orderId : row.id,
          after: { queue, deadLetterId: row.id, payload: (row.data?.payload ?? null) as object | null },
        });
      }
    }

    return { replayed, skipped: ids.length - replayed };
  });
}
