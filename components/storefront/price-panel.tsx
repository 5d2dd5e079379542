import { cn } from "@/lib/cn";
import type { TQuantityBreak } from "@/lib/pricing/quantity-breaks";
import type { TBreakdownLine } from "@/lib/pricing/types";
import { formatMoney } from "@/lib/pricing/units";

/** The buyer's price: unit price, line total, how it is made up and, with volume tiers, the price by quantity. */
export function PricePanel({
  unitPrice,
  lineTotal,
  quantity,
  currency,
  breakdown,
  quantityBreaks = [],
  organisationName,
  isUpdating,
}: {
  unitPrice: number;
  lineTotal: number;
  quantity: number;
  currency: string;
  breakdown: TBreakdownLine[];
  quantityBreaks?: TQuantityBreak[];
  organisationName: string | null;
  isUpdating: boolean;
}) {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <div
      className={cn("space-y-3 transition-opacity", isUpdating && "opacity-60")}
      aria-busy={isUpdating}
      data-testid="price-panel"
    >
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          {organisationName ? `${organisationName} price` : "Your price"}
        </p>
        <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="unit-price">
          {money(unitPrice)}
        </p>
        <p className="text-sm text-slate-600">
          per unit · {quantity} × ={" "}
          <span className="font-medium tabular-nums text-slate-900" data-testid="line-total">
            {money(lineTotal)}
          </span>{" "}
          <span className="text-slate-500">excl. VAT</span>
        </p>
      </div>
      <table className="w-full text-sm" aria-label="How the price is made up">
        <tbody className="divide-y divide-slate-100">
          {breakdown.map((line, index) => (
            <tr key={index} data-testid="breakdown-line" data-type={line.type}>
              <td className="py-1.5 pr-3 text-slate-700">{line.label}</td>
              <td
                className={cn(
                  "py-1.5 text-right tabular-nums",
                  line.amountMinor < 0 ? "text-emerald-700" : "text-slate-900",
                )}
              >
                {line.amountMinor < 0 ? "−" : ""}
                {money(Math.abs(line.amountMinor))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {quantityBreaks.length > 0 && <VolumePricing breaks={quantityBreaks} quantity={quantity} money={money} />}
    </div>
  );
}

function VolumePricing({
  breaks,
  quantity,
  money,
}: {
  breaks: TQuantityBreak[];
  quantity: number;
  money: (minor: number) => string;
}) {
  const saving = (unitPrice: number) => Math.round((1 - unitPrice / breaks[0]!.unitPrice) * 100);

  return (
    <div className="rounded-lg border border-slate-200">
      <table className="w-full text-sm" aria-label="Volume pricing">
        <caption className="px-3 pt-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          Unit price by quantity
        </caption>
        <thead className="sr-only">
          <tr>
            <th>Quantity</th>
            <th>Unit price</th>
            <th>Saving</th>
          </tr>
        </thead>
        <tbody>
          {breaks.map((item) => {
            const isCurrent = quantity >= item.from && (item.to === null || quantity <= item.to);

            return (
              <tr
                key={item.from}
                data-testid="quantity-break"
                aria-current={isCurrent ? "true" : undefined}
                className={cn(isCurrent && "bg-brand-50 font-medium")}
              >
                <td className="px-3 py-1.5 tabular-nums text-slate-700">
                  {item.to === null
                    ? `${item.from}+`
                    : item.from === item.to
                      ? `${item.from}`
                      : `${item.from}–${item.to}`}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums text-slate-900">{money(item.unitPrice)}</td>
                <td className="w-20 px-3 py-1.5 text-right tabular-nums text-emerald-700">
                  {saving(item.unitPrice) > 0 ? `−${saving(item.unitPrice)} %` : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
