import { describeReasons, type TPriceChange } from "@/lib/checkout/price-changes";
import { formatMoney } from "@/lib/pricing/units";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

/** Prices that changed since the buyer agreed to them, line by line, with why. */
export function PriceChanges({ changes, currency }: { changes: TPriceChange[]; currency: string }) {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <div className="space-y-2" role="status" data-testid="price-changes">
      <p className="font-medium text-amber-900">Some prices changed since you added these items:</p>
      <Table>
        <THead>
          <tr>
            <Th>Item</Th>
            <Th className="text-right">Was (per unit)</Th>
            <Th className="text-right">Now (per unit)</Th>
            <Th>Why</Th>
          </tr>
        </THead>
        <TBody>
          {changes.map((change) => (
            <tr key={change.lineId} data-testid="price-change">
              <Td>
                <p className="font-medium text-slate-900">{change.title}</p>
                {change.summary && <p className="text-xs text-slate-600">{change.summary}</p>}
              </Td>
              <Td className="text-right tabular-nums">{money(change.fromMinor)}</Td>
              <Td className="text-right font-medium tabular-nums">{money(change.toMinor)}</Td>
              <Td>{describeReasons(change.reasons)}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
