import "server-only";
import { db } from "@/server/db";

/** The latest audit entries, for staff (audit.read); optionally one organisation's or some records' only. */
export async function findAuditEntries({
  organisationId,
  entityIds,
  limit = 100,
}: { organisationId?: string; entityIds?: string[]; limit?: number } = {}) {
  return db.auditLog.findMany({
    where: { ...(organisationId ? { organisationId } : {}), ...(entityIds ? { entityId: { in: entityIds } } : {}) },
    orderBy: { at: "desc" },
    take: Math.min(limit, 500),
    select: {
      id: true,
      at: true,
      actorLabel: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      correlationId: true,
    },
  });
}
