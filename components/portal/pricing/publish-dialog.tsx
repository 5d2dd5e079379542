"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";
import { publishVersionAction } from "@/server/actions/pricing-versions";

/** Publish now, or schedule a go-live time (UTC). */
export function PublishDialog({
  open,
  onClose,
  versionId,
  number,
}: {
  open: boolean;
  onClose: () => void;
  versionId: string;
  number: number;
}) {
  const { run, isPending } = useActionRunner();
  const [when, setWhen] = useState<"now" | "later">("now");
  const [at, setAt] = useState("");
  const [errors, setErrors] = useState<string[]>();

  function publish() {
    if (when === "later" && !at) return setErrors(["Choose when it goes live."]);
    const effectiveFrom = when === "later" ? new Date(`${at}Z`).toISOString() : null;
    run(() => publishVersionAction({ versionId, effectiveFrom }), {
      success: (data) =>
        data.scheduled
          ? `Version ${number} goes live ${formatDateTime(data.effectiveFrom)}.`
          : `Version ${number} is live.`,
      onSuccess: onClose,
      onFailure: (result) => setErrors(result.fieldErrors?.effectiveFrom ?? [result.message]),
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Publish version ${number}`}
      description="A published version can no longer be edited. Buyers get its prices from its go-live time on; the version it replaces stays available for rollback."
    >
      <fieldset className="space-y-2">
        <legend className="sr-only">When</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="when" checked={when === "now"} onChange={() => setWhen("now")} /> Now
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="when" checked={when === "later"} onChange={() => setWhen("later")} /> At a later
          time
        </label>
      </fieldset>
      {when === "later" && (
        <FormField id="publish-at" label="Goes live at (UTC)" errors={errors}>
          <Input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
        </FormField>
      )}
      {when === "now" && errors && (
        <p className="text-sm text-red-600" role="alert">
          {errors.join(" ")}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button isLoading={isPending} onClick={publish}>
          {when === "now" ? "Publish now" : "Schedule"}
        </Button>
      </div>
    </Dialog>
  );
}
