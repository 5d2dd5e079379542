import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { TPriceResult } from "@/lib/pricing/types";
import { formatMoney } from "@/lib/pricing/units";

/** One price with its breakdown and the explanation of every rule that applied or not. */
export function PriceResultCard({
  title,
  result,
  currency,
  testId,
  highlight,
}: {
  title: string;
  result: TPriceResult | null;
  currency: string;
  testId: string;
  highlight?: boolean;
}) {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <Card className={cn("space-y-4 p-5", highlight && "ring-2 ring-brand-500")} data-testid={testId}>
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {!result ? (
        <p className="text-sm text-slate-600">Nothing is live in this currency yet.</p>
      ) : !result.ok ? (
        <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" role="alert">
          {result.message}
        </p>
      ) : (
        <>
          <div>
            <p className="text-3xl font-semibold tabular-nums" data-testid="unit-price">
              {money(result.unitPrice)}
            </p>
            <p className="text-sm text-slate-600">
              per unit · {result.quantity} × ={" "}
              <span className="font-medium tabular-nums">{money(result.lineTotal)}</span>
            </p>
          </div>
          <table className="w-full text-sm" aria-label="Breakdown">
            <tbody className="divide-y divide-slate-100">
              {result.breakdown.map((line, index) => (
                <tr key={index} data-testid="breakdown-line" data-type={line.type}>
                  <td className="py-1.5 pr-2 text-slate-700">
                    {line.label}{" "}
                    {line.ruleId && <span className="ml-1 font-mono text-xs text-slate-500">{line.ruleId}</span>}
                  </td>
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
              <tr className="font-semibold">
                <td className="py-1.5">Unit price</td>
                <td className="py-1.5 text-right tabular-nums">{money(result.unitPrice)}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      {result && result.trace.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">
            Why: {result.trace.length} rule{result.trace.length === 1 ? "" : "s"} considered
          </summary>
          <ul className="mt-2 space-y-1">
            {result.trace.map((entry, index) => (
              <li key={index} className="flex items-start gap-2">
                <Badge tone={entry.outcome === "applied" ? "success" : "neutral"}>{entry.outcome}</Badge>
                <span className="font-mono text-xs text-slate-500">{entry.ruleId}</span>
                <span className="text-slate-700">{entry.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
