"use client";

import Link from "next/link";
import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatMoney } from "@/lib/pricing/units";
import { reorderAction } from "@/server/actions/orders";
import type { TReorderResult } from "@/server/orders/reorder";

/** Puts the order's lines in the cart again and tells, line by line, what today's prices are. */
export function ReorderButton({ orderId }: { orderId: string }) {
  const { run, isPending } = useActionRunner();
  const [result, setResult] = useState<TReorderResult | null>(null);

  // With a report to show, take the whole row under the heading instead of squeezing it.
  return (
    <div className={result ? "basis-full space-y-4" : "space-y-4"}>
      <Button
        variant="secondary"
        isLoading={isPending}
        onClick={() => run(() => reorderAction({ orderId }), { onSuccess: setResult })}
      >
        {isPending ? "Adding to your cart…" : "Reorder"}
      </Button>
      {result && <ReorderReport result={result} />}
    </div>
  );
}

function change(line: TReorderResult["added"][number]): string {
  if (line.thenCurrency !== line.currency) return "Now priced in another currency";
  if (line.nowUnitMinor === line.thenUnitMinor) return "Same price";
  const difference = formatMoney(Math.abs(line.nowUnitMinor - line.thenUnitMinor), line.currency);

  return line.nowUnitMinor > line.thenUnitMinor ? `${difference} more` : `${difference} less`;
}

function ReorderReport({ result }: { result: TReorderResult }) {
  const added = result.added.length;

  return (
    <section
      role="status"
      aria-label="Reorder result"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <p className="text-sm text-slate-800">
        {added
          ? `${added} line${added === 1 ? "" : "s"} of ${result.reference} added to your cart at today's prices.`
          : `Nothing from ${result.reference} could be added to your cart.`}{" "}
        {added > 0 && (
          <Link href="/cart" className="font-medium text-brand-700 underline">
            Go to the cart
          </Link>
        )}
      </p>
      {added > 0 && (
        <Table>
          <THead>
            <tr>
              <Th>Product</Th>
              <Th className="text-right">Quantity</Th>
              <Th className="text-right">Unit price then</Th>
              <Th className="text-right">Unit price now</Th>
              <Th>Change</Th>
            </tr>
          </THead>
          <TBody>
            {result.added.map((line) => (
              <tr key={line.position} data-testid="reorder-added">
                <Td>
                  <span className="font-medium text-slate-900">{line.title}</span>{" "}
                  <span className="font-mono text-xs text-slate-500">{line.sku}</span>
                </Td>
                <Td className="text-right tabular-nums">{line.quantity}</Td>
                <Td className="text-right tabular-nums">{formatMoney(line.thenUnitMinor, line.thenCurrency)}</Td>
                <Td className="text-right font-medium tabular-nums">{formatMoney(line.nowUnitMinor, line.currency)}</Td>
                <Td className={line.nowUnitMinor > line.thenUnitMinor ? "text-amber-800" : "text-slate-600"}>
                  {change(line)}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {result.notAdded.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Not added:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {result.notAdded.map((line) => (
              <li key={line.position} data-testid="reorder-not-added">
                {line.title} ({line.sku}, {line.quantity}): {line.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
