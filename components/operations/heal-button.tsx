"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { healDriftFindingAction } from "@/server/actions/operations";

export function HealButton({ findingId }: { findingId: string }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();

  return (
    <Button
      size="sm"
      isLoading={isPending}
      onClick={() =>
        run(() => healDriftFindingAction(findingId), {
          success: ({ healed }) => `Re-synced from Odoo; ${healed} finding(s) healed.`,
          onSuccess: () => router.refresh(),
        })
      }
    >
      Re-sync from Odoo
    </Button>
  );
}
