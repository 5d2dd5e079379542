"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updateApprovalWindowAction } from "@/server/actions/approvals";

export function ApprovalWindowForm({ hours }: { hours: number }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [value, setValue] = useState(String(hours));
  const [errors, setErrors] = useState<string[] | undefined>();

  return (
    <form
      className="flex flex-wrap items-start gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setErrors(undefined);
        run(() => updateApprovalWindowAction({ approvalWindowHours: value }), {
          success: "Approval window saved.",
          onSuccess: () => router.refresh(),
          onFailure: (failure) => setErrors(failure.fieldErrors?.approvalWindowHours ?? [failure.message]),
        });
      }}
    >
      <div className="w-64">
        <FormField
          id="approval-window-hours"
          label="Requests expire after (hours)"
          hint="1 to 720; applies to new requests"
          errors={errors}
        >
          <Input inputMode="numeric" value={value} onChange={(event) => setValue(event.target.value)} />
        </FormField>
      </div>
      <Button type="submit" className="mt-6" isLoading={isPending}>
        Save
      </Button>
    </form>
  );
}
