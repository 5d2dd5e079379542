import "server-only";
import type { SpendingPeriod } from "@/generated/prisma/enums";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { getMemberOrThrow } from "@/server/organisations/member-guards";
import { getOrganisationCurrency, parseSpendingLimit } from "@/server/organisations/organisation-currency";

/**
 * Sets a member's spending limit per period ("" removes it) in the organisation's currency
 * (audited). Checkout compares each order with it. Idempotent; NOT_FOUND for another
 * organisation's member.
 */
export async function changeSpendingLimit({
  actor,
  organisationId,
  userId,
  spendingLimit,
  spendingLimitPeriod,
}: {
  actor: TSessionUser;
  organisationId: string;
  userId: string;
  spendingLimit: string;
  spendingLimitPeriod: SpendingPeriod;
}): Promise<{ changed: boolean }> {
  const spendingLimitMinor = parseSpendingLimit(spendingLimit, await getOrganisationCurrency(organisationId));

  return db.$transaction(async (tx) => {
    const member = await getMemberOrThrow(tx, organisationId, userId);
    if (member.spendingLimitMinor === spendingLimitMinor && member.spendingLimitPeriod === spendingLimitPeriod) {
      return { changed: false };
    }
    await tx.user.update({
      where: { id: member.id, organisationId },
      data: { spendingLimitMinor, spendingLimitPeriod },
    });
    await recordAudit(tx, {
      actor,
      action: "member.spending-limit-changed",
      entityType: "user",
      entityId: member.id,
      organisationId,
      before: { spendingLimitMinor: member.spendingLimitMinor, spendingLimitPeriod: member.spendingLimitPeriod },
      after: { spendingLimitMinor, spendingLimitPeriod },
    });

    return { changed: true };
  });
}
