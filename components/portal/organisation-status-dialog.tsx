"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { ORGANISATION_STATUS_REASON_MAX } from "@/lib/validation/organisations";
import { setOrganisationStatusAction } from "@/server/actions/organisations";

const TEXTAREA =
  "w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 " +
  "aria-[invalid=true]:border-red-500 border-slate-300";

export type TStatusTarget = { id: string; name: string; status: "ACTIVE" | "SUSPENDED" };

/** Suspend (reason required: staff read it later) or reactivate (reason optional) one organisation. */
export function OrganisationStatusDialog({ target, onClose }: { target: TStatusTarget | null; onClose: () => void }) {
  const { run, isPending } = useActionRunner();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const suspending = target?.status === "ACTIVE";

  function close() {
    setReason("");
    setErrors({});
    onClose();
  }

  function apply() {
    if (!target) return;
    const status = suspending ? "SUSPENDED" : "ACTIVE";
    setErrors({});
    run(() => setOrganisationStatusAction({ organisationId: target.id, status, reason }), {
      success: `${target.name} is now ${suspending ? "suspended" : "active"}.`,
      onSuccess: close,
      onFailure: (failure) => setErrors(failure.fieldErrors ?? { reason: [failure.message] }),
    });
  }

  return (
    <Dialog
      open={target !== null}
      onClose={close}
      title={suspending ? `Suspend ${target?.name ?? ""}?` : `Reactivate ${target?.name ?? ""}?`}
      description={
        suspending
          ? "Its members are signed out at once and cannot sign in or order until the organisation is reactivated."
          : "Its active members can sign in and order again."
      }
    >
      <FormField
        id="organisation-status-reason"
        label={suspending ? "Reason for suspending" : "Reason for reactivating (optional)"}
        hint="Kept in the audit log; shown on the organisations list while it is suspended."
        errors={errors.reason}
      >
        <textarea
          className={TEXTAREA}
          rows={3}
          maxLength={ORGANISATION_STATUS_REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </FormField>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close} disabled={isPending}>
          Cancel
        </Button>
        <Button variant={suspending ? "danger" : "primary"} isLoading={isPending} onClick={apply}>
          {suspending ? "Suspend" : "Reactivate"}
        </Button>
      </div>
    </Dialog>
  );
}
