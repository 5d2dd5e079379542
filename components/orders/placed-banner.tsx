import type { TOrderStatus } from "@/lib/orders/order-status";

/** Shown once, right after checkout redirects here with ?placed=1. */
export function PlacedBanner({ reference, status, email }: { reference: string; status: TOrderStatus; email: string }) {
  const pending = status === "PENDING_APPROVAL";

  return (
    <div role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 px-5 py-4 text-emerald-900">
      <p className="font-semibold">{pending ? `Approval request ${reference} sent` : `Order ${reference} placed`}</p>
      <p className="text-sm">
        {pending
          ? `Nothing is ordered until it is approved. We'll email you at ${email} when it is decided.`
          : `We'll email you at ${email} with the confirmation, and again when it ships.`}
      </p>
    </div>
  );
}
