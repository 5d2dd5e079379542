import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { InboundStatus } from "@/generated/prisma/enums";
import { redactHeaders } from "@/lib/integrations/redact-headers";
import { db } from "@/server/db";
import { processInboundDeliveryJob } from "@/server/jobs/definitions/process-inbound-delivery";
import { enqueue } from "@/server/jobs/enqueue";
import { currentCorrelationId } from "@/server/logger";

export type TInboundDeliveryInput = {
  /** Who sent it: "odoo", "strapi" … */
  source: string;
  headers: Iterable<[string, string]> | Record<string, string>;
  body: string;
  /** Hints from the payload (model and record id); never trusted for values. */
  subject?: { type: string; id: string };
} & (
  | { verdict: "rejected"; reason: string }
  | {
      verdict: "accepted";
      /** Two deliveries with the same key within `dedupeWindowSeconds` are one. */
      dedupeKey: string;
      dedupeWindowSeconds: number;
      /** Recorded on the row, e.g. "model not handled: acknowledged only". */
      note?: string;
    }
);

export type TRecordedDelivery = {
  id: string;
  status: InboundStatus;
  jobId: string | null;
  duplicateOfId: string | null;
};

const MAX_REASON = 500;

/**
 * Records a delivery in the inbox before it is acknowledged. Rejected ones are kept with their
 * reason and cause nothing. An accepted one is either a duplicate of a delivery with the same
 * key inside the window (recorded as DUPLICATE, nothing else) or new: then its row and the job
 * that processes it commit together. Concurrent identical deliveries are serialised on the key,
 * so exactly one of them is processed.
 */
export async function recordInboundDelivery(input: TInboundDeliveryInput): Promise<TRecordedDelivery> {
  const base = {
    source: input.source,
    headers: redactHeaders(input.headers),
    body: input.body,
    subjectType: input.subject?.type.slice(0, 80) ?? null,
    subjectId: input.subject?.id.slice(0, 120) ?? null,
    correlationId: currentCorrelationId() ?? "none",
  };
  const select = { id: true, status: true, jobId: true, duplicateOfId: true } as const;
  if (input.verdict === "rejected") {
    return db.inboundDelivery.create({
      data: { ...base, status: "REJECTED", reason: input.reason.slice(0, MAX_REASON) },
      select,
    });
  }
  const { dedupeKey, dedupeWindowSeconds } = input;

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`inbox:${input.source}:${dedupeKey}`}, 0))`;
    const since = new Date(Date.now() - dedupeWindowSeconds * 1000);
    const original = await tx.inboundDelivery.findFirst({
      where: { source: input.source, dedupeKey, receivedAt: { gte: since }, status: { in: ["ACCEPTED", "PROCESSED"] } },
      orderBy: { receivedAt: "asc" },
      select: { id: true },
    });
    if (original) {
      return tx.inboundDelivery.create({
        data: {
          ...base,
          dedupeKey,
          status: "DUPLICATE",
          duplicateOfId: original.id,
          reason: "Same delivery already received.",
        },
        select,
      });
    }
    // Ids chosen here, so the row is written once, already naming its job.
    const [id, jobId] = [randomUUID(), randomUUID()];
    await enqueue(tx, processInboundDeliveryJob, { deliveryId: id }, { singletonKey: id, id: jobId });

    return tx.inboundDelivery.create({
      data: { id, ...base, dedupeKey, status: "ACCEPTED", jobId, reason: input.note?.slice(0, MAX_REASON) ?? null },
      select,
    });
  });
}

/** A dedupe key from the body itself, for senders that give nothing better. */
export function bodyDedupeKey(body: string): string {
  return `sha256:${createHash("sha256").update(body).digest("hex")}`;
}
