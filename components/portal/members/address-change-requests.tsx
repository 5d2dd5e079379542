"use client";

import { useState, useTransition, type FormEvent } from "react";
import { FormError } from "@/components/portal/members/member-fields";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import type { TFieldErrors } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { requestAddressChangeAction } from "@/server/actions/organisation-members";

type TAddress = { id: number; type: string; name: string | null; lines: string[] };
type TRequest = {
  id: string;
  addressSnapshot: string;
  message: string;
  requestedByName: string;
  createdAt: Date;
  state: "waiting" | "sent" | "done";
};

const STATE = {
  waiting: <Badge tone="warning">Queued</Badge>,
  sent: <Badge tone="brand">With account manager</Badge>,
  done: <Badge tone="success">Address updated</Badge>,
} as const;

export function AddressChangeRequests({ addresses, requests }: { addresses: TAddress[]; requests: TRequest[] }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState("");
  const [isPending, startTransition] = useTransition();

  function close() {
    setOpen(false);
    setErrors({});
    setFormError("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await requestAddressChangeAction({
        odooPartnerId: String(form.get("odooPartnerId") ?? ""),
        message: String(form.get("message") ?? ""),
      });
      if (result.ok) {
        toast.success("Your request is on its way to your account manager.");
        close();

        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? "" : result.message);
    });
  }

  return (
    <section className="mt-6 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 className="text-base font-semibold text-slate-900">Address change requests</h3>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Request an address change
        </Button>
      </div>
      {requests.length === 0 ? (
        <p className="text-sm text-slate-500">No requests in the last 90 days.</p>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>Address</Th>
              <Th>Requested change</Th>
              <Th>Requested</Th>
              <Th>Status</Th>
            </tr>
          </THead>
          <TBody>
            {requests.map((request) => (
              <tr key={request.id} data-testid="address-request-row">
                <Td className="align-top">{request.addressSnapshot}</Td>
                <Td className="align-top whitespace-pre-line">{request.message}</Td>
                <Td className="align-top whitespace-nowrap">
                  {formatDateTime(request.createdAt)}
                  <div className="text-xs text-slate-500">by {request.requestedByName}</div>
                </Td>
                <Td className="align-top whitespace-nowrap">{STATE[request.state]}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <Dialog
        open={open}
        onClose={close}
        title="Request an address change"
        description="Addresses are kept in our ERP. Your account manager makes the change; it shows here once done."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={formError} />
          <FormField id="change-address" label="Address" errors={errors.odooPartnerId}>
            <Select name="odooPartnerId" defaultValue={addresses[0]?.id}>
              {addresses.map((address) => (
                <option key={address.id} value={address.id}>
                  {[address.name, ...address.lines].filter(Boolean).join(", ")}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="change-message" label="What should change" errors={errors.message}>
            <textarea
              name="message"
              rows={4}
              maxLength={2000}
              className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 shadow-xs"
              placeholder="e.g. New street: Hafenstraße 12, 20457 Hamburg"
            />
          </FormField>
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" isLoading={isPending}>
              Send request
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
