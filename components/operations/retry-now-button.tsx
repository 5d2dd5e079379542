"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { retryJobNowAction } from "@/server/actions/operations";

export function RetryNowButton({ jobId }: { jobId: string }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();

  return (
    <Button
      size="sm"
      isLoading={isPending}
      onClick={() =>
        run(() => retryJobNowAction(jobId), { success: "It runs at the next poll.", onSuccess: () => router.refresh() })
      }
    >
      Retry now
    </Button>
  );
}
