import { formatDateTime } from "@/lib/format";
import type { TErpChangeView, TShipmentView } from "@/server/orders/get-order-deliveries";

/** "Shipped — tracking …" per delivery Odoo validated, with what each one held. */
export function ShipmentsSection({ shipments }: { shipments: TShipmentView[] }) {
  return (
    <section className="space-y-3" aria-labelledby="shipments-heading">
      <h2 id="shipments-heading" className="text-lg font-semibold">
        Shipments
      </h2>
      {shipments.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nothing has shipped yet. You will see each delivery here with its tracking number.
        </p>
      ) : (
        <ul className="space-y-3">
          {shipments.map((shipment, index) => (
            <li
              key={shipment.id}
              data-testid="shipment"
              className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-xs"
            >
              <p className="font-medium text-slate-900">
                Shipped{shipment.trackingRef ? ` — tracking ${shipment.trackingRef}` : " — no tracking number given"}
                {shipment.carrierName && <span className="font-normal text-slate-600"> ({shipment.carrierName})</span>}
              </p>
              <p className="text-xs text-slate-500">
                Shipment {index + 1} of {shipments.length} · {shipment.pickingName} ·{" "}
                {formatDateTime(shipment.shippedAt)}
              </p>
              <ul className="mt-2 list-inside list-disc text-slate-700">
                {shipment.lines.map((line, lineIndex) => (
                  <li key={`${line.sku ?? line.title}-${lineIndex}`}>
                    {line.quantity} × {line.title}
                    {line.sku && <span className="text-slate-500"> ({line.sku})</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const CHANGE_TEXT: Record<string, string> = {
  "order.changed-in-odoo": "Changed by our team: the order now holds",
  "order.cancelled-in-odoo": "Cancelled by our team.",
};

/** Changes our team made to the order after it was confirmed (Odoo is the record), oldest first. */
export function ShipmentsErpChanges({ changes }: { changes: TErpChangeView[] }) {
  if (!changes.length) return null;

  return (
    <section className="space-y-2" aria-labelledby="erp-changes-heading">
      <h2 id="erp-changes-heading" className="text-lg font-semibold">
        Changes after confirmation
      </h2>
      <ul className="space-y-2 text-sm text-slate-700">
        {changes.map((change) => (
          <li key={`${change.action}-${change.at.toISOString()}`} data-testid="erp-change">
            <span className="text-slate-500">{formatDateTime(change.at)}</span> —{" "}
            {CHANGE_TEXT[change.action] ?? change.action}
            {change.action === "order.changed-in-odoo" &&
              ` ${change.lines.map((line) => `${line.quantity} × ${line.title}`).join(", ")}.`}
          </li>
        ))}
      </ul>
    </section>
  );
}
