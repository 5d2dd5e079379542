import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { lockVersion, requireStatus } from "@/server/pricing/version-records";

/** Takes a scheduled version off the schedule (back to approved); a live one can only be replaced or rolled back. */
export async function unscheduleVersion({
  actor,
  versionId,
}: {
  actor: TSessionUser;
  versionId: string;
}): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const version = await lockVersion(tx, versionId);
      requireStatus(version, ["PUBLISHED"], "be unscheduled");
      if (!version.effectiveFrom || version.effectiveFrom <= new Date())
        throw new AppError("INVALID_STATE", `Version ${version.number} is already live or was; roll back instead.`);
      await tx.pricingRuleSetVersion.update({
        where: { id: versionId },
        data: { status: "APPROVED", publishedById: null, publishedAt: null, effectiveFrom: null },
      });
      await recordAudit(tx, {
        actor,
        action: "pricing.version.unscheduled",
        entityType: "pricing_version",
        entityId: versionId,
        before: { status: "PUBLISHED", effectiveFrom: version.effectiveFrom.toISOString() },
        after: { status: "APPROVED" },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "CONFLICT",
        "Another version of this rule set is open; finish or discard it before unscheduling this one.",
      );
    }
    throw error;
  }
}
