"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { createModelDraftAction, rollbackModelVersionAction } from "@/server/actions/configurator";

/** For a published version: start the next draft from it (when live) or restore it (when superseded). */
export function ModelVersionActions({
  versionId,
  modelId,
  state,
  hasDraft,
}: {
  versionId: string;
  modelId: string;
  state: "draft" | "live" | "superseded";
  hasDraft: boolean;
}) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  if (state === "draft") return null;

  return state === "live" ? (
    <Button
      disabled={hasDraft}
      isLoading={isPending}
      onClick={() =>
        run(() => createModelDraftAction({ modelId }), {
          success: (data) => `Draft version ${data.number} started.`,
          onSuccess: (data) => router.push(`/portal/configurator/versions/${data.versionId}`),
        })
      }
    >
      {hasDraft ? "A draft is open" : "Start a new draft"}
    </Button>
  ) : (
    <Button
      variant="secondary"
      isLoading={isPending}
      onClick={() =>
        run(() => rollbackModelVersionAction({ versionId }), {
          success: (data) => `Version ${data.number} is live: a copy of this one.`,
          onSuccess: (data) => router.push(`/portal/configurator/versions/${data.versionId}`),
        })
      }
    >
      Roll back to this version
    </Button>
  );
}
