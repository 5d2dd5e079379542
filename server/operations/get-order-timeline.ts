import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/server/db";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { AUDITS_TOLD_AFTER_PUSH, findOrderEventsAfterPush } from "@/server/operations/find-order-events-after-push";
import { DEAD_SUFFIX } from "@/server/operations/operations-boss";
import type { TTimelineEvent } from "@/server/operations/timeline-event";

type TJobRow = {
  id: string;
  name: string;
  state: string;
  data: { correlationId?: string | null } | null;
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
  source_retry_count: number | null;
};

const AUDIT_TITLES: Record<string, string> = {
  "operations.dead-letter.replay": "Push replayed from the dead letters",
  "operations.job.cancel": "Push job cancelled",
};

const describe = (output: unknown) => {
  if (!output || typeof output !== "object") return undefined;
  const { error, message } = output as { error?: unknown; message?: unknown };

  return [error, message].filter((part) => typeof part === "string" && part).join(": ") || undefined;
};

/**
 * Everything that happened to one order, across systems, in time order: checkout, approvals,
 * the Medusa order, each push job (enqueued, attempts, dead letter, replay), each Odoo and Medusa
 * call made under the order's correlation ids (model, method, duration, outcome), the sync log
 * (push, confirmation, fulfilment, invoices), what followed in Odoo and Medusa (deliveries,
 * fulfilments, invoices, cancellation, and the webhooks about them), and audit entries. Read-only.
 */
export async function getOrderTimeline(orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      organisation: { select: { name: true } },
      approvalSteps: { orderBy: { position: "asc" } },
      lines: { orderBy: { position: "asc" }, select: { sku: true, quantity: true, unitPriceMinor: true } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "No such order.");
  const [jobs, runs, audits, links] = await Promise.all([
    db.$queryRaw<TJobRow[]>`
      SELECT id, name, state::text AS state, data, retry_count, created_on, started_on, completed_on,
        COALESCE(output, source_output) AS output, source_retry_count
      FROM pgboss.job
      WHERE name IN (${pushOrderToOdooJob.name}, ${pushOrderToOdooJob.name + DEAD_SUFFIX})
        AND data->'payload'->>'orderId' = ${orderId}
      ORDER BY created_on`.catch(() => [] as TJobRow[]),
    db.syncRun.findMany({ where: { localId: orderId }, orderBy: { startedAt: "asc" }, take: 300 }),
    db.auditLog.findMany({ where: { entityId: orderId }, orderBy: { at: "asc" }, take: 100 }),
    db.externalLink.findMany({ where: { localId: orderId } }),
  ]);
  const correlationIds = [
    ...new Set(
      [...jobs.map((job) => job.data?.correlationId), ...runs.map((run) => run.correlationId)].filter(
        (id): id is string => Boolean(id),
      ),
    ),
  ];
  const [calls, afterPush] = await Promise.all([
    correlationIds.length
      ? db.integrationCall.findMany({
          where: { correlationId: { in: correlationIds } },
          orderBy: { startedAt: "asc" },
          take: 500,
        })
      : [],
    findOrderEventsAfterPush(order),
  ]);

  const events: TTimelineEvent[] = [
    {
      at: order.submittedAt,
      system: "Tradepost",
      title: "Checkout submitted",
      outcome: "info",
      detail: order.reference,
    },
  ];
  for (const step of order.approvalSteps) {
    if (step.decidedAt)
      events.push({
        at: step.decidedAt,
        system: "Tradepost",
        title: `Approval ${step.status === "APPROVED" ? "given" : "refused"}: ${step.reason}`,
        detail: step.comment ?? undefined,
        outcome: step.status === "APPROVED" ? "ok" : "failed",
      });
  }
  if (order.placedAt)
    events.push({
      at: order.placedAt,
      system: "Medusa",
      title: "Order placed",
      detail: order.medusaOrderId ? `Medusa order ${order.medusaOrderId}` : undefined,
      outcome: "ok",
      record: order.medusaOrderId ?? undefined,
      href: order.medusaOrderId ? `/portal/mappings?q=${encodeURIComponent(order.medusaOrderId)}` : undefined,
    });
  for (const job of jobs) {
    const dead = job.name.endsWith(DEAD_SUFFIX);
    if (dead) {
      events.push({
        at: job.created_on,
        system: "Queue",
        title: `Push dead-lettered after ${(job.source_retry_count ?? 0) + 1} attempt(s)`,
        detail: describe(job.output),
        outcome: "failed",
        href: "/portal/operations/queues",
        correlationId: job.data?.correlationId,
      });
      continue;
    }
    events.push({
      at: job.created_on,
      system: "Queue",
      title: "Push to Odoo queued",
      detail: `job ${job.id}`,
      outcome: "info",
      correlationId: job.data?.correlationId,
    });
    if (job.completed_on)
      events.push({
        at: job.completed_on,
        system: "Queue",
        title: `Push job ${job.state} (attempt ${job.retry_count + 1})`,
        detail: describe(job.output),
        outcome: job.state === "completed" ? "ok" : job.state === "cancelled" ? "info" : "failed",
      });
  }
  for (const run of runs)
    events.push({
      at: run.startedAt,
      system: run.system === "MEDUSA" ? "Medusa" : run.system === "ODOO" ? "Odoo" : "Tradepost",
      title: `${run.kind}: ${run.outcome.toLowerCase()}`,
      detail: run.error ?? run.summary ?? undefined,
      outcome: run.outcome === "FAILED" ? "failed" : "ok",
      durationMs: run.durationMs,
      correlationId: run.correlationId,
    });
  for (const call of calls)
    events.push({
      at: call.startedAt,
      system: call.system === "MEDUSA" ? "Medusa" : "Odoo",
      title: call.system === "ODOO" ? `${call.target} / ${call.method}` : call.target,
      detail: call.error ?? undefined,
      outcome: call.ok ? "ok" : "failed",
      durationMs: call.durationMs,
      correlationId: call.correlationId,
    });
  if (order.pushedAt)
    events.push({
      at: order.pushedAt,
      system: "Odoo",
      title: `Confirmed in Odoo as ${order.odooOrderName ?? order.odooOrderId}`,
      detail: order.odooState ? `state ${order.odooState}` : undefined,
      outcome: "ok",
      record: order.odooOrderName ?? undefined,
      href: `/portal/operations/sync-log?q=${encodeURIComponent(order.odooOrderName ?? String(order.odooOrderId))}`,
    });
  events.push(...afterPush);
  for (const entry of audits.filter((audit) => !AUDITS_TOLD_AFTER_PUSH.has(audit.action)))
    events.push({
      at: entry.at,
      system: "Tradepost",
      title: `${AUDIT_TITLES[entry.action] ?? entry.action} by ${entry.actorLabel}`,
      detail: (entry.after as { reason?: string } | null)?.reason,
      outcome: "info",
      correlationId: entry.correlationId,
    });
  // Stable order: by time, and for equal times in the order the events were gathered.
  const sorted = events.map((event, index) => ({ event, index }));
  sorted.sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index);

  return { order, links, events: sorted.map(({ event }) => event) };
}
