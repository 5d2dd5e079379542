"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { runCatalogImportAction, setupOdooWebhooksAction } from "@/server/actions/operations";

/** "Run now" for the catalogue import: queues a pass; the page shows it in the log once it ran. */
export function RunCatalogImportButton() {
  const router = useRouter();
  const { run, isPending } = useActionRunner();

  return (
    <Button
      disabled={isPending}
      onClick={() =>
        run(runCatalogImportAction, {
          success: ({ queued }) =>
            queued ? "Import queued: it starts within seconds." : "An import is already queued or running.",
          onSuccess: () => router.refresh(),
        })
      }
    >
      {isPending ? "Queuing…" : "Run now"}
    </Button>
  );
}

/** Creates or updates Odoo's webhook rules for this app; says what it changed. */
export function SetupOdooWebhooksButton() {
  const { run, isPending } = useActionRunner();

  return (
    <Button
      variant="secondary"
      disabled={isPending}
      onClick={() =>
        run(setupOdooWebhooksAction, {
          success: ({ created, updated, unchanged }) =>
            `Odoo webhooks: ${created.length} created, ${updated.length} updated, ${unchanged.length} already set up.`,
        })
      }
    >
      {isPending ? "Setting up…" : "Set up Odoo webhooks"}
    </Button>
  );
}
