import "server-only";
import type { OrganisationStatus } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";

/**
 * Suspends or reactivates an organisation (audited). Its members are signed out on their
 * next request and cannot sign in while it is suspended. Idempotent.
 */
export async function setOrganisationStatus({
  actor,
  organisationId,
  status,
}: {
  actor: TSessionUser;
  organisationId: string;
  status: OrganisationStatus;
}): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({
      where: { id: organisationId },
      select: { id: true, status: true },
    });
    if (!organisation) throw new AppError("NOT_FOUND", "No such organisation.");
    if (organisation.status === status) return { changed: false };

    await tx.organisation.update({ where: { id: organisationId }, data: { status } });
    await recordAudit(tx, {
      actor,
      action: status === "SUSPENDED" ? "organisation.suspended" : "organisation.reactivated",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
      before: { status: organisation.status },
      after: { status },
    });

    return { changed: true };
  });
}
