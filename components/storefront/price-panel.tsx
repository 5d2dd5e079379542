import { cn } from "@/lib/cn";
import type { TBreakdownLine } from "@/lib/pricing/types";
import { formatMoney } from "@/lib/pricing/units";

/** The buyer's price: unit price, line total and how it is made up. */
export function PricePanel({ unitPrice, lineTotal, quantity, currency, breakdown, organisationName, isUpdating }: { unitPrice: number; lineTotal: number; quantity: number; currency: string; breakdown: TBreakdownLine[]; organisationName: string | null; isUpdating: boolean }) {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <div className={cn("space-y-3 transition-opacity", isUpdating && "opacity-60")} aria-busy={isUpdating} data-testid="price-panel">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{organisationName ? `${organisationName} price` : "Your price"}</p>
        <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="unit-price">{money(unitPrice)}</p>
        <p className="text-sm text-slate-600">per unit · {quantity} × = <span className="font-medium tabular-nums text-slate-900" data-testid="line-total">{money(lineTotal)}</span> <span className="text-slate-500">excl. VAT</span></p>
      </div>
      <table className="w-full text-sm" aria-label="How the price is made up">
        <tbody className="divide-y divide-slate-100">
          {breakdown.map((line, index) => (
            <tr key={index} data-testid="breakdown-line" data-type={line.type}>
              <td className="py-1.5 pr-3 text-slate-700">{line.label}</td>
              <td className={cn("py-1.5 text-right tabular-nums", line.amountMinor < 0 ? "text-emerald-700" : "text-slate-900")}>{line.amountMinor < 0 ? "−" : ""}{money(Math.abs(line.amountMinor))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
