import "server-only";
import type { SpendingPeriod } from "@/generated/prisma/enums";
import { spendingUsedInPeriod } from "@/server/approvals/spending-used-in-period";
import { db } from "@/server/db";

export type TOrganisationMember = {
  id: string;
  name: string;
  email: string;
  role: "BUYER" | "APPROVER" | "ORG_ADMIN";
  isActive: boolean;
  lastLoginAt: Date | null;
  spendingLimitMinor: number | null;
  spendingLimitPeriod: SpendingPeriod;
  /** What the member's orders (placed or waiting for approval) add up to in the current period. */
  spentThisPeriodMinor: number;
};

/**
 * The members of one organisation with their limits and what they spent in their limit's current
 * calendar period (organisation time zone, `currency`). The organisation id comes from the
 * caller's session. Read-only.
 */
export async function findOrganisationMembers({
  organisationId,
  currency,
  at = new Date(),
}: {
  organisationId: string;
  currency: string;
  at?: Date;
}): Promise<TOrganisationMember[]> {
  const [organisation, members] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } }),
    db.user.findMany({
      where: { organisationId, role: { in: ["BUYER", "APPROVER", "ORG_ADMIN"] } },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        isActive: true,
        lastLoginAt: true,
        spendingLimitMinor: true,
        spendingLimitPeriod: true,
      },
      orderBy: [{ isActive: "desc" }, { name: "asc" }],
    }),
  ]);

  return Promise.all(
    members.map(async (member) => {
      const { usedMinor } = await spendingUsedInPeriod({
        buyerId: member.id,
        period: member.spendingLimitPeriod,
        timeZone: organisation.timeZone,
        currency,
        at,
      });

      return { ...member, role: member.role as TOrganisationMember["role"], spentThisPeriodMinor: usedMinor };
    }),
  );
}
