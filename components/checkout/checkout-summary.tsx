import { formatMoney } from "@/lib/pricing/units";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { TCheckoutLineView, TRefusedLineView } from "@/server/checkout/get-checkout-view";

/** The order as it will be placed: lines with configuration and breakdown, then the totals. */
export function CheckoutSummary({
  lines,
  refusedLines,
  currency,
  subtotalMinor,
  shippingMinor,
}: {
  lines: TCheckoutLineView[];
  refusedLines: TRefusedLineView[];
  currency: string;
  subtotalMinor: number;
  shippingMinor: number | null;
}) {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <section aria-labelledby="summary-heading" className="space-y-3">
      <h2 id="summary-heading" className="text-lg font-semibold">
        Order summary
      </h2>
      <Table data-testid="checkout-lines">
        <THead>
          <tr>
            <Th>Item</Th>
            <Th className="text-right">Qty</Th>
            <Th className="text-right">Unit price</Th>
            <Th className="text-right">Total</Th>
          </tr>
        </THead>
        <TBody>
          {lines.map((line) => (
            <tr key={line.id} data-testid="checkout-line">
              <Td className="max-w-md">
                <p className="font-medium text-slate-900">{line.title}</p>
                <p className="font-mono text-xs text-slate-500">{line.sku}</p>
                {line.summary && <p className="text-xs text-slate-600">{line.summary}</p>}
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer">Price breakdown</summary>
                  <table className="mt-1">
                    <tbody>
                      {line.breakdown.map((step, index) => (
                        <tr key={index}>
                          <td className="py-0.5 pr-4">{step.label}</td>
                          <td className="text-right tabular-nums">
                            {step.amountMinor < 0 ? "−" : ""}
                            {money(Math.abs(step.amountMinor))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </Td>
              <Td className="text-right tabular-nums">{line.quantity}</Td>
              <Td className="text-right tabular-nums">{money(line.unitPriceMinor)}</Td>
              <Td className="text-right font-medium tabular-nums">{money(line.lineTotalMinor)}</Td>
            </tr>
          ))}
          {refusedLines.map((line) => (
            <tr key={line.id} data-testid="checkout-refused-line" className="bg-red-50/60">
              <Td className="max-w-md">
                <p className="font-medium text-slate-900">{line.title}</p>
                <p className="text-xs text-red-800">{line.reason}</p>
              </Td>
              <Td className="text-right tabular-nums">{line.quantity}</Td>
              <Td className="text-right text-slate-500">—</Td>
              <Td className="text-right text-xs font-medium text-red-800">Cannot be ordered</Td>
            </tr>
          ))}
        </TBody>
        <tfoot className="border-t border-slate-200 text-sm">
          <tr>
            <Td colSpan={3} className="text-right">
              Subtotal
            </Td>
            <Td className="text-right tabular-nums" data-testid="checkout-subtotal">
              {money(subtotalMinor)}
            </Td>
          </tr>
          <tr>
            <Td colSpan={3} className="text-right">
              Shipping
            </Td>
            <Td className="text-right tabular-nums" data-testid="checkout-shipping">
              {shippingMinor === null ? "—" : shippingMinor === 0 ? "Free" : money(shippingMinor)}
            </Td>
          </tr>
          <tr>
            <Td colSpan={3} className="text-right">
              Tax
            </Td>
            <Td className="text-right text-xs text-slate-500">added when the order is placed</Td>
          </tr>
          <tr>
            <Td colSpan={3} className="text-right font-semibold text-slate-900">
              Total before tax
            </Td>
            <Td className="text-right font-semibold tabular-nums text-slate-900" data-testid="checkout-total">
              {money(subtotalMinor + (shippingMinor ?? 0))}
            </Td>
          </tr>
        </tfoot>
      </Table>
    </section>
  );
}
