"use client";

import type { Dispatch, SetStateAction } from "react";
import type { TCheckoutFields } from "@/components/checkout/checkout-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { NOTES_MAX, PO_NUMBER_MAX } from "@/lib/checkout/checkout-input";
import type { TFieldErrors } from "@/lib/errors";
import { formatMoney } from "@/lib/pricing/units";
import type { TCheckoutView } from "@/server/checkout/get-checkout-view";

const addressLine = (address: TCheckoutView["addresses"][number]) =>
  [address.name, address.street, [address.zip, address.city].filter(Boolean).join(" "), address.countryCode]
    .filter(Boolean)
    .join(", ");

/** Delivery address, shipping method, PO number, notes and date: the buyer's part of the order. */
export function DeliveryFields({
  view,
  fields,
  setFields,
  fieldErrors,
}: {
  view: TCheckoutView;
  fields: TCheckoutFields;
  setFields: Dispatch<SetStateAction<TCheckoutFields>>;
  fieldErrors: TFieldErrors;
}) {
  const set = (name: keyof TCheckoutFields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));
  const carriers = view.carriersByAddress[Number(fields.addressId)] ?? [];

  return (
    <div className="space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">Delivery</h2>
      <FormField id="addressId" label="Deliver to" errors={fieldErrors.addressId}>
        <Select
          value={fields.addressId}
          onChange={(event) => {
            const next = view.carriersByAddress[Number(event.target.value)] ?? [];
            setFields((current) => ({
              ...current,
              addressId: event.target.value,
              carrierId: next.some((choice) => String(choice.id) === current.carrierId)
                ? current.carrierId
                : String(next[0]?.id ?? ""),
            }));
          }}
        >
          {view.addresses.map((address) => (
            <option key={address.id} value={address.id}>
              {addressLine(address)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField
        id="carrierId"
        label="Shipping method"
        errors={fieldErrors.carrierId}
        hint={carriers.length ? undefined : "No shipping method delivers to this address; choose another one."}
      >
        <Select value={fields.carrierId} onChange={set("carrierId")} disabled={!carriers.length}>
          {carriers.map((carrier) => (
            <option key={carrier.id} value={carrier.id}>
              {carrier.name} — {carrier.priceMinor === 0 ? "free" : formatMoney(carrier.priceMinor, view.currency)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField
        id="poNumber"
        label={view.poNumberRequired ? "Purchase-order number" : "Purchase-order number (optional)"}
        errors={fieldErrors.poNumber}
      >
        <Input value={fields.poNumber} onChange={set("poNumber")} maxLength={PO_NUMBER_MAX + 10} autoComplete="off" />
      </FormField>
      <FormField
        id="requestedDeliveryDate"
        label="Requested delivery date (optional)"
        errors={fieldErrors.requestedDeliveryDate}
        hint={`Dates are in ${view.timeZone}.`}
      >
        <Input
          type="date"
          value={fields.requestedDeliveryDate}
          min={view.today}
          onChange={set("requestedDeliveryDate")}
        />
      </FormField>
      <FormField id="notes" label="Notes for delivery (optional)" errors={fieldErrors.notes}>
        <textarea
          value={fields.notes}
          onChange={set("notes")}
          maxLength={NOTES_MAX}
          rows={3}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </FormField>
      <div className="space-y-1 text-sm text-slate-700">
        <p className="font-medium">Payment</p>
        <p data-testid="payment-terms">
          On invoice{view.paymentTermName ? `, ${view.paymentTermName}` : ""} (your organisation&apos;s terms).
        </p>
        {view.billingAddress && <p className="text-slate-500">Invoice to: {addressLine(view.billingAddress)}</p>}
      </div>
    </div>
  );
}
