import "server-only";
import type { OrganisationStatus } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";

/**
 * Suspends or reactivates an organisation, audited with before/after and the reason given
 * (required to suspend: the action's schema checks it, and so does this). Its members are signed
 * out on their next request and cannot sign in while it is suspended. Idempotent: the status it
 * already has changes nothing and records nothing.
 */
export async function setOrganisationStatus({
  actor,
  organisationId,
  status,
  reason = null,
}: {
  actor: TSessionUser;
  organisationId: string;
  status: OrganisationStatus;
  reason?: string | null;
}): Promise<{ changed: boolean }> {
  if (status === "SUSPENDED" && !reason?.trim())
    throw new AppError("INVALID_INPUT", "Say why the organisation is suspended.", {
      reason: ["Say why the organisation is suspended."],
    });

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
      after: { status, reason: reason?.trim() || null },
    });

    return { changed: true };
  });
}
