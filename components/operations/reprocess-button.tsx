"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { reprocessDeliveryAction } from "@/server/actions/operations";

export function ReprocessButton({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();

  return (
    <Button
      size="sm"
      variant="secondary"
      isLoading={isPending}
      onClick={() =>
        run(() => reprocessDeliveryAction(deliveryId), {
          success: ({ queued }) => (queued ? "Queued for processing." : "It is already queued."),
          onSuccess: () => router.refresh(),
        })
      }
    >
      Re-process
    </Button>
  );
}
