import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatMoney } from "@/lib/pricing/units";
import type { TOrderDetailLine } from "@/server/orders/get-order-detail";

/** The order's lines as locked at checkout, each with its configuration and price breakdown. */
export type TOrderTotals = { subtotalMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number };

export function OrderLinesTable({
  lines,
  currency,
  totals,
}: {
  lines: TOrderDetailLine[];
  currency: string;
  totals: TOrderTotals;
}) {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <Table>
      <THead>
        <tr>
          <Th>Product</Th>
          <Th className="text-right">Quantity</Th>
          <Th className="text-right">Unit price</Th>
          <Th className="text-right">Line total</Th>
        </tr>
      </THead>
      <TBody>
        {lines.map((line) => (
          <tr key={line.position} data-testid="order-line" className="align-top">
            <Td className="align-top">
              <p className="font-medium text-slate-900">{line.title}</p>
              <p className="font-mono text-xs text-slate-500">{line.sku}</p>
              {line.description && <p className="mt-1 text-sm text-slate-600">{line.description}</p>}
              {line.breakdown.length > 0 && (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-brand-700">Price breakdown</summary>
                  <table className="mt-2 w-full max-w-md text-xs">
                    <tbody>
                      {line.breakdown.map((item, index) => (
                        <tr key={index}>
                          <td className="py-0.5 pr-4 text-slate-600">{item.label}</td>
                          <td className="py-0.5 text-right tabular-nums text-slate-700">{money(item.amountMinor)}</td>
                        </tr>
                      ))}
                      <tr className="border-t border-slate-200 font-medium">
                        <td className="py-0.5 pr-4 text-slate-700">Unit price</td>
                        <td className="py-0.5 text-right tabular-nums text-slate-900">{money(line.unitPriceMinor)}</td>
                      </tr>
                    </tbody>
                  </table>
                </details>
              )}
            </Td>
            <Td className="text-right align-top tabular-nums">{line.quantity.toLocaleString("en-GB")}</Td>
            <Td className="whitespace-nowrap text-right align-top tabular-nums">{money(line.unitPriceMinor)}</Td>
            <Td className="whitespace-nowrap text-right align-top font-medium tabular-nums text-slate-900">
              {money(line.lineTotalMinor)}
            </Td>
          </tr>
        ))}
      </TBody>
      <tfoot className="border-t border-slate-200 bg-slate-50 text-sm">
        {(
          [
            ["Subtotal", totals.subtotalMinor],
            ["Shipping", totals.shippingMinor],
            ["Tax", totals.taxMinor],
          ] as const
        ).map(([label, minor]) => (
          <tr key={label}>
            <td colSpan={3} className="px-4 py-1.5 text-right text-slate-600">
              {label}
            </td>
            <td className="px-4 py-1.5 text-right tabular-nums text-slate-700">{money(minor)}</td>
          </tr>
        ))}
        <tr className="border-t border-slate-200">
          <td colSpan={3} className="px-4 py-2.5 text-right font-semibold text-slate-900">
            Total
          </td>
          <td className="px-4 py-2.5 text-right font-semibold tabular-nums text-slate-900" data-testid="order-total">
            {money(totals.totalMinor)}
          </td>
        </tr>
      </tfoot>
    </Table>
  );
}
