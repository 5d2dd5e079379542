import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";

/**
 * Sets how long approval requests of the organisation may wait. Applies to requests submitted
 * from now on (each request keeps the expiry it was given). Idempotent; audited.
 */
export async function updateApprovalWindow({
  actor,
  organisationId,
  approvalWindowHours,
}: {
  actor: TSessionUser;
  organisationId: string;
  approvalWindowHours: number;
}): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { approvalWindowHours: true },
    });
    if (organisation.approvalWindowHours === approvalWindowHours) return { changed: false };

    await tx.organisation.update({ where: { id: organisationId }, data: { approvalWindowHours } });
    await recordAudit(tx, {
      actor,
      action: "organisation.approval-window-changed",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
      before: { approvalWindowHours: organisation.approvalWindowHours },
      after: { approvalWindowHours },
    });

    return { changed: true };
  });
}
