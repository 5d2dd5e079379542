"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/lib/pricing/units";
import { quickOrderAction } from "@/server/actions/cart";
import type { TQuickOrderResult } from "@/server/cart/quick-order";

/** Paste or upload "SKU, quantity" rows; valid ones go to the cart, the rest are explained. */
export function QuickOrderForm() {
  const [text, setText] = useState("");
  const [result, setResult] = useState<TQuickOrderResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const response = await quickOrderAction({ text });
      if (response.ok) {
        setResult(response.data);
        setError(null);
      } else setError(response.fieldErrors?.text?.join(" ") ?? response.message);
    });
  }

  return (
    <div className="space-y-6">
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <label htmlFor="quick-order-rows" className="block text-sm font-medium text-slate-800">
          SKU and quantity, one per line
        </label>
        <textarea
          id="quick-order-rows"
          rows={8}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={"ACC-FEET-M8, 4\nCBL-PATCH-10, 2"}
          className="w-full rounded-md border border-slate-300 p-3 font-mono text-sm"
          aria-invalid={!!error || undefined}
        />
        <div className="flex flex-wrap items-center gap-4">
          <label className="text-sm text-slate-600">
            or upload a CSV{" "}
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-label="CSV file"
              className="ml-2 text-sm"
              onChange={async (event) => setText((await event.target.files?.[0]?.text()) ?? text)}
            />
          </label>
          <Button className="ml-auto" onClick={submit} isLoading={isPending} disabled={!text.trim()}>
            Add to cart
          </Button>
        </div>
        {error && (
          <p className="text-sm text-red-600" role="alert">
            {error}
          </p>
        )}
      </div>
      {result && (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="rounded-xl border border-emerald-200 bg-white p-5" data-testid="quick-order-added">
            <h2 className="mb-3 font-semibold text-emerald-800">Added to your cart ({result.added.length})</h2>
            <ul className="space-y-1 text-sm">
              {result.added.map((row) => (
                <li key={row.row}>
                  {row.quantity} × <span className="font-mono">{row.sku}</span> {row.title} —{" "}
                  {formatMoney(row.unitPrice, row.currency)} each
                </li>
              ))}
            </ul>
            {result.added.length > 0 && (
              <Link href="/cart" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
                Go to cart
              </Link>
            )}
          </section>
          <section className="rounded-xl border border-red-200 bg-white p-5" data-testid="quick-order-rejected">
            <h2 className="mb-3 font-semibold text-red-800">Not added ({result.rejected.length})</h2>
            <ul className="space-y-1 text-sm">
              {result.rejected.map((row) => (
                <li key={row.row}>
                  Row {row.row} <span className="font-mono">{row.sku || "—"}</span>: {row.reason}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
