"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CheckoutSummary } from "@/components/checkout/checkout-summary";
import { DeliveryFields } from "@/components/checkout/delivery-fields";
import { PriceChanges } from "@/components/checkout/price-changes";
import { Button } from "@/components/ui/button";
import type { TPriceChange } from "@/lib/checkout/price-changes";
import type { TFieldErrors } from "@/lib/errors";
import { submitCheckoutAction } from "@/server/actions/checkout";
import type { TCheckoutView } from "@/server/checkout/get-checkout-view";
import type { TLineRefusal } from "@/server/checkout/reprice-lines";

export type TCheckoutFields = {
  addressId: string;
  carrierId: string;
  poNumber: string;
  notes: string;
  requestedDeliveryDate: string;
};

type TProblems = {
  message?: string;
  fieldErrors: TFieldErrors;
  refusals: TLineRefusal[];
  priceChanges: TPriceChange[];
  priceFingerprint: string | null;
};

export function CheckoutForm({ view }: { view: TCheckoutView }) {
  const router = useRouter();
  const firstAddress = view.addresses[0];
  const [fields, setFields] = useState<TCheckoutFields>({
    addressId: firstAddress ? String(firstAddress.id) : "",
    carrierId: firstAddress ? String(view.carriersByAddress[firstAddress.id]?.[0]?.id ?? "") : "",
    poNumber: "",
    notes: "",
    requestedDeliveryDate: "",
  });
  const [problems, setProblems] = useState<TProblems>({
    fieldErrors: {},
    refusals: view.refusals,
    priceChanges: view.priceChanges,
    priceFingerprint: view.priceFingerprint,
  });
  const [isPending, startTransition] = useTransition();
  const carriers = view.carriersByAddress[Number(fields.addressId)] ?? [];
  const carrier = carriers.find((choice) => String(choice.id) === fields.carrierId) ?? null;

  const submit = (acceptedPrices = "") =>
    startTransition(async () => {
      const result = await submitCheckoutAction({ ...fields, checkoutKey: view.checkoutKey, acceptedPrices });
      if (!result.ok) {
        setProblems({ ...problems, message: result.message, fieldErrors: result.fieldErrors ?? {} });
        return;
      }
      const data = result.data;
      if (data.outcome === "refused") {
        const message =
          data.priceChanges.length && !data.refusals.length && !Object.keys(data.fieldErrors).length
            ? undefined
            : "The order was not placed. Please see below.";
        setProblems({ message, ...data });
        return;
      }
      router.push(`/orders/${data.orderId}?${data.outcome === "placed" ? "placed" : "requested"}=1`);
    });

  const onlyPrices =
    problems.priceFingerprint && !problems.refusals.length && !Object.keys(problems.fieldErrors).length;

  return (
    <form
      className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <input type="hidden" name="checkoutKey" value={view.checkoutKey} />
      <DeliveryFields view={view} fields={fields} setFields={setFields} fieldErrors={problems.fieldErrors} />
      <div className="space-y-6">
        <CheckoutSummary
          lines={view.lines}
          refusedLines={view.refusedLines}
          currency={view.currency}
          subtotalMinor={view.subtotalMinor}
          shippingMinor={carrier?.priceMinor ?? null}
        />
        {problems.message && (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert" data-testid="checkout-error">
            {problems.message}
          </p>
        )}
        {problems.refusals.length > 0 && (
          <ul className="space-y-1 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="checkout-refusals">
            {problems.refusals.map((refusal, index) => (
              <li key={index}>
                {refusal.title ? <span className="font-medium">{refusal.title}: </span> : null}
                {refusal.reason}
              </li>
            ))}
          </ul>
        )}
        {problems.priceChanges.length > 0 && <PriceChanges changes={problems.priceChanges} currency={view.currency} />}
        <div className="flex flex-wrap items-center justify-end gap-3">
          {onlyPrices ? (
            <Button type="button" isLoading={isPending} onClick={() => submit(problems.priceFingerprint ?? "")}>
              Accept the new prices and place the order
            </Button>
          ) : (
            <Button type="submit" isLoading={isPending} disabled={!view.lines.length}>
              Place order
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
