"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { formatMoney } from "@/lib/pricing/units";
import { confirmCartLinePriceAction, removeCartLineAction, updateCartLineAction } from "@/server/actions/cart";
import type { TCartLineView, TCartView } from "@/server/cart/get-cart-view";

function CartLine({ cartId, line, currency }: { cartId: string; line: TCartLineView; currency: string }) {
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [isPending, startTransition] = useTransition();
  const money = (minor: number) => formatMoney(minor, currency);
  const run = (action: () => Promise<{ ok: boolean; message?: string }>, done?: string) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) toast.error(result.message ?? "That did not work.");
      else if (done) toast.success(done);
    });
  const changed = Number(quantity) !== line.quantity;

  return (
    <li className="space-y-3 py-5" data-testid="cart-line" aria-busy={isPending}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <Link href={`/products/${line.productHandle}`} className="font-semibold text-slate-900 hover:underline">
            {line.productTitle}
          </Link>
          <p className="font-mono text-xs text-slate-500">{line.sku}</p>
          {line.summary && (
            <p className="text-sm text-slate-600" data-testid="configuration-summary">
              {line.summary}
            </p>
          )}
          {line.summary && (
            <Link
              href={`/products/${line.productHandle}?line=${encodeURIComponent(line.id)}`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Change configuration
            </Link>
          )}
        </div>
        <div className="text-right">
          <p className="font-semibold tabular-nums" data-testid="line-total">
            {money(line.lineTotal)}
          </p>
          <p className="text-sm tabular-nums text-slate-600">
            <span data-testid="line-unit-price">{money(line.unitPrice)}</span> each
          </p>
        </div>
      </div>
      {line.notice?.kind === "repriced" && (
        <div
          className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
          role="status"
          data-testid="price-notice"
        >
          <span>
            Prices changed since you added this: {money(line.notice.from)} → {money(line.notice.to)} per unit.
          </span>
          <Button
            size="sm"
            variant="secondary"
            isLoading={isPending}
            onClick={() => run(() => confirmCartLinePriceAction({ cartId, lineId: line.id }))}
          >
            OK
          </Button>
        </div>
      )}
      {line.notice?.kind === "unavailable" && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {line.notice.message}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer">How this price is made up</summary>
          <table className="mt-2 text-sm">
            <tbody>
              {line.breakdown.map((item, index) => (
                <tr key={index}>
                  <td className="pr-6 py-0.5">{item.label}</td>
                  <td className="text-right tabular-nums">
                    {item.amountMinor < 0 ? "−" : ""}
                    {money(Math.abs(item.amountMinor))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(
              () => updateCartLineAction({ cartId, lineId: line.id, quantity: Number(quantity) }),
              "Quantity updated and re-priced.",
            );
          }}
        >
          <label className="text-sm text-slate-600" htmlFor={`quantity-${line.id}`}>
            Quantity
          </label>
          <input
            id={`quantity-${line.id}`}
            type="number"
            min={1}
            max={100000}
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            className="h-9 w-24 rounded-md border border-slate-300 px-2 text-sm"
          />
          <Button size="sm" variant="secondary" type="submit" disabled={!changed} isLoading={isPending && changed}>
            Update
          </Button>
          <Button
            size="sm"
            variant="ghost"
            type="button"
            onClick={() => run(() => removeCartLineAction({ cartId, lineId: line.id }), "Removed.")}
          >
            Remove
          </Button>
        </form>
      </div>
    </li>
  );
}

export function CartLines({ view }: { view: TCartView }) {
  return (
    <div className="space-y-6">
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-5">
        {view.lines.map((line) => (
          <CartLine
            key={`${line.id}-${line.quantity}-${line.unitPrice}`}
            cartId={view.cartId}
            line={line}
            currency={view.currency}
          />
        ))}
      </ul>
      <div className="flex flex-wrap items-center justify-end gap-6 rounded-xl border border-slate-200 bg-white p-5">
        <p className="text-lg">
          Subtotal{" "}
          <span className="ml-2 font-semibold tabular-nums" data-testid="cart-subtotal">
            {formatMoney(view.subtotal, view.currency)}
          </span>{" "}
          <span className="text-sm text-slate-500">excl. VAT and delivery</span>
        </p>
        {view.blocked && (
          <p className="text-sm text-red-700">Remove the lines marked unavailable before checking out.</p>
        )}
      </div>
    </div>
  );
}
