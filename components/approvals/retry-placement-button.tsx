"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { approveApprovalStepAction } from "@/server/actions/approvals";

/** Every step is approved but the order could not be placed (the store was unreachable): try again. */
export function RetryPlacementButton({ stepId, reference }: { stepId: string; reference: string }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <span>Every step is approved, but the order has not been placed yet.</span>
      <Button
        size="sm"
        variant="secondary"
        isLoading={isPending}
        onClick={() =>
          run(() => approveApprovalStepAction({ stepId }), {
            success: (result) =>
              result.placement
                ? `${reference}: ${result.placement.message}`
                : `${reference}: placing was tried less than a minute ago; try again shortly.`,
            onSuccess: () => router.refresh(),
          })
        }
      >
        Try placing again
      </Button>
    </div>
  );
}
