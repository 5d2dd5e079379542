"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { createDraftAction } from "@/server/actions/pricing-versions";

export function StartDraftButton({ ruleSetId }: { ruleSetId: string }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();

  return (
    <Button
      size="sm"
      isLoading={isPending}
      onClick={() =>
        run(() => createDraftAction({ ruleSetId }), {
          success: (data) => `Draft version ${data.number} started.`,
          onSuccess: (data) => router.push(`/portal/pricing/versions/${data.versionId}`),
        })
      }
    >
      Start a draft
    </Button>
  );
}
