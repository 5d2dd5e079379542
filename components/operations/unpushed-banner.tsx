import Link from "next/link";
import type { TOperationsOverview } from "@/server/operations/get-operations-overview";
import { formatAge } from "@/components/operations/format";

/** Red when placed orders are not reaching Odoo: the oldest one waiting is past the threshold. */
export function UnpushedBanner({ unpushed }: { unpushed: TOperationsOverview["unpushed"] }) {
  const { oldest, alert, thresholdMinutes } = unpushed;
  if (!oldest || !alert)
    return (
      <p className="mb-4 text-sm text-slate-600" data-testid="unpushed-status">
        {oldest
          ? `Oldest order waiting for its push to Odoo: ${oldest.reference}, ${formatAge(oldest.ageSeconds)} (alert after ${thresholdMinutes} min).`
          : "Every placed order has reached Odoo."}
      </p>
    );

  return (
    <div role="alert" className="mb-6 rounded-xl border border-red-300 bg-red-700 px-5 py-4 text-white shadow-sm">
      <p className="font-semibold">Orders are not reaching Odoo</p>
      <p className="text-sm text-red-50">
        Order {oldest.reference} was placed {formatAge(oldest.ageSeconds)} ago and is still waiting for its push (alert
        after {thresholdMinutes} min).{" "}
        <Link href={`/portal/operations/orders/${oldest.id}`} className="font-medium underline">
          Open its timeline
        </Link>{" "}
        ·{" "}
        <Link href="/portal/operations/queues" className="font-medium underline">
          Queues and dead letters
        </Link>
      </p>
    </div>
  );
}
