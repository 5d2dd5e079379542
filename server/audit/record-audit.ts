import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TSessionUser } from "@/server/auth/session";
import { currentCorrelationId } from "@/server/logger";

type TAuditClient = Pick<Prisma.TransactionClient, "auditLog">;

export type TAuditEntry = {
  actor: Pick<TSessionUser, "id" | "email"> | { system: string };
  action: string;
  entityType: string;
  entityId: string;
  organisationId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Writes one audit row; call it inside the transaction that makes the change. */
export async function recordAudit(tx: TAuditClient, entry: TAuditEntry): Promise<void> {
  const isSystem = "system" in entry.actor;
  await tx.auditLog.create({
    data: {
      actorId: isSystem ? null : (entry.actor as { id: string }).id,
      actorLabel: isSystem
        ? `system:${(entry.actor as { system: string }).system}`
        : (entry.actor as { email: string }).email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      organisationId: entry.organisationId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      correlationId: currentCorrelationId() ?? null,
    },
  });
}
