"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { cancelJobAction } from "@/server/actions/operations";

/** "Cancel" with a required reason (it goes to the audit log). */
export function CancelJobButton({ jobId, label = "Cancel" }: { jobId: string; label?: string }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Cancel this job?"
        description="It will not run again. The reason is kept in the audit log."
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => cancelJobAction({ jobId, reason }), {
              success: "Job cancelled.",
              onSuccess: () => {
                setOpen(false);
                router.refresh();
              },
              onFailure: (result) => setErrors(result.fieldErrors?.reason ?? [result.message]),
            });
          }}
        >
          <FormField id={`reason-${jobId}`} label="Reason" errors={errors}>
            <Input value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Keep it
            </Button>
            <Button type="submit" variant="danger" isLoading={isPending}>
              Cancel job
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
