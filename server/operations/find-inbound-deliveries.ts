import "server-only";
import type { InboundStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { DEAD_SUFFIX } from "@/server/operations/operations-boss";

const PAGE_SIZE = 50;

export type TDeliveryJob = { state: string; output: unknown; deadLettered: boolean } | null;

export type TInboundDeliveryRow = {
  id: string;
  source: string;
  receivedAt: Date;
  status: InboundStatus;
  reason: string | null;
  subjectType: string | null;
  subjectId: string | null;
  duplicateOfId: string | null;
  correlationId: string;
  processedAt: Date | null;
  /** Stored without credentials (the receiver redacts them before the insert). */
  headers: unknown;
  body: string;
  jobId: string | null;
  /** The processing job's state and output, when pg-boss still keeps it. */
  job: TDeliveryJob;
};

type TJobRow = { id: string; source_id: string | null; name: string; state: string; output: unknown };

/**
 * The webhook inbox, newest first: filtered by status, source and a text that matches the subject
 * id, the delivery id or the correlation id; each with the job it caused and how that ended.
 */
export async function findInboundDeliveries({
  status,
  source,
  q,
  page = 1,
}: { status?: InboundStatus; source?: string; q?: string; page?: number } = {}) {
  const isUuid = q ? /^[0-9a-f-]{36}$/i.test(q) : false;
  const where = {
    ...(status ? { status } : {}),
    ...(source ? { source } : {}),
    ...(q
      ? {
          OR: [
            { subjectId: q },
            { correlationId: q },
            { subjectType: q },
            ...(isUuid ? [{ id: q }, { jobId: q }] : []),
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.inboundDelivery.findMany({
      where,
      orderBy: { receivedAt: "desc" },
      take: PAGE_SIZE,
      skip: (page - 1) * PAGE_SIZE,
    }),
    db.inboundDelivery.count({ where }),
  ]);
  const jobIds = rows.flatMap((row) => (row.jobId ? [row.jobId] : []));
  const jobs = jobIds.length
    ? await db.$queryRaw<TJobRow[]>`
        SELECT id, source_id, name, state::text AS state, COALESCE(output, source_output) AS output FROM pgboss.job
        WHERE id = ANY(${jobIds}::uuid[]) OR (source_id = ANY(${jobIds}::uuid[]) AND name LIKE ${"%" + DEAD_SUFFIX})`
    : [];
  const jobOf = (jobId: string | null): TDeliveryJob => {
    if (!jobId) return null;
    const dead = jobs.find((job) => job.source_id === jobId && job.name.endsWith(DEAD_SUFFIX));
    if (dead)
      return {
        state: dead.state === "created" ? "dead-lettered" : dead.state,
        output: dead.output,
        deadLettered: true,
      };
    const job = jobs.find((candidate) => candidate.id === jobId);

    return job ? { state: job.state, output: job.output, deadLettered: false } : null;
  };

  return {
    rows: rows.map((row): TInboundDeliveryRow => ({ ...row, job: jobOf(row.jobId) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
