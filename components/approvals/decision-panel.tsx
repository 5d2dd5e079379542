"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { approveApprovalStepAction, rejectApprovalRequestAction } from "@/server/actions/approvals";

const TEXTAREA =
  "w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 " +
  "aria-[invalid=true]:border-red-500 border-slate-300";

/** Approve the current step (optional comment) or reject the request (reason required: the buyer reads it). */
export function DecisionPanel({ orderId, stepId, reference }: { orderId: string; stepId: string; reference: string }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [mode, setMode] = useState<"idle" | "reject">("idle");
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  function approve() {
    run(() => approveApprovalStepAction({ stepId, comment }), {
      success: (result) =>
        result.placement
          ? `${reference}: ${result.placement.message}`
          : result.changed
            ? `${reference}: step approved.`
            : `${reference} was already approved.`,
      onSuccess: () => router.refresh(),
    });
  }

  function reject() {
    setErrors({});
    run(() => rejectApprovalRequestAction({ orderId, reason }), {
      success: `${reference} rejected. The buyer sees your reason.`,
      onSuccess: () => router.refresh(),
      onFailure: (failure) => setErrors(failure.fieldErrors ?? { reason: [failure.message] }),
    });
  }

  if (mode === "reject") {
    return (
      <div className="space-y-3">
        <FormField id={`reason-${orderId}`} label="Reason for rejecting (the buyer reads this)" errors={errors.reason}>
          <textarea
            className={TEXTAREA}
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </FormField>
        <div className="flex gap-2">
          <Button variant="danger" onClick={reject} isLoading={isPending}>
            Reject {reference}
          </Button>
          <Button variant="ghost" onClick={() => setMode("idle")} disabled={isPending}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <FormField id={`comment-${orderId}`} label="Comment (optional)">
        <textarea
          className={TEXTAREA}
          rows={2}
          maxLength={1000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </FormField>
      <div className="flex gap-2">
        <Button onClick={approve} isLoading={isPending}>
          Approve
        </Button>
        <Button variant="secondary" onClick={() => setMode("reject")} disabled={isPending}>
          Reject…
        </Button>
      </div>
    </div>
  );
}
