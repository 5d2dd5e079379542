import "server-only";
import type { SpendingPeriod } from "@/generated/prisma/enums";
import { spendingPeriodBounds, type TPeriodBounds } from "@/lib/checkout/spending-period";
import { db } from "@/server/db";

type TSpendingClient = Pick<typeof db, "order">;

/**
 * What a buyer has spent in the calendar period (in the organisation's time zone) that contains
 * `at`: the totals of their PLACED and PENDING_APPROVAL orders submitted in it, in `currency`.
 * Pending requests count, so that several requests cannot together slip past the limit; an order
 * counts in the period it was submitted in, even if it is approved later. Read-only.
 */
export async function spendingUsedInPeriod(
  {
    buyerId,
    period,
    timeZone,
    currency,
    at = new Date(),
  }: { buyerId: string; period: SpendingPeriod; timeZone: string; currency: string; at?: Date },
  client: TSpendingClient = db,
): Promise<{ usedMinor: number; bounds: TPeriodBounds }> {
  const bounds = spendingPeriodBounds(period, at, timeZone);
  const sum = await client.order.aggregate({
    where: {
      buyerId,
      currency,
      status: { in: ["PLACED", "PENDING_APPROVAL"] },
      submittedAt: { gte: bounds.start, lt: bounds.end },
    },
    _sum: { totalMinor: true },
  });

  return { usedMinor: sum._sum.totalMinor ?? 0, bounds };
}
