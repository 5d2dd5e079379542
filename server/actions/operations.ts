"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/server/actions/run-action";
import { requestCatalogImport } from "@/server/catalog/request-catalog-import";
import { setupOdooWebhooks } from "@/server/erp/setup-odoo-webhooks";
import { cancelJob } from "@/server/operations/cancel-job";
import { healDriftFinding } from "@/server/operations/heal-drift-finding";
import { replayDeadLetters } from "@/server/operations/replay-dead-letters";
import { reprocessDelivery } from "@/server/operations/reprocess-delivery";
import { retryJobNow } from "@/server/operations/retry-job-now";

const IMPORT_PAGE = "/portal/operations/catalog-import";

/** Runs the catalogue import now (one reconciliation pass of Odoo's products). */
export async function runCatalogImportAction() {
  return runAction({
    name: "operations.runCatalogImport",
    permission: "operations.replay",
    schema: z.undefined(),
    input: undefined,
    run: async () => {
      const result = await requestCatalogImport();
      revalidatePath(IMPORT_PAGE);

      return result;
    },
  });
}

/** Creates or updates Odoo's webhook automation rules for this app; running it again changes nothing. */
export async function setupOdooWebhooksAction() {
  return runAction({
    name: "operations.setupOdooWebhooks",
    permission: "operations.replay",
    schema: z.undefined(),
    input: undefined,
    run: async () => {
      const { created, updated, unchanged } = await setupOdooWebhooks();

      return { created, updated, unchanged };
    },
  });
}

const ZId = z.uuid();
const CONSOLE = "/portal/operations";

/** Puts dead letters back on their queues (idempotent: a dead letter replayed twice runs once). */
export async function replayDeadLettersAction(ids: unknown) {
  return runAction({
    name: "operations.replayDeadLetters",
    permission: "operations.replay",
    schema: z.array(ZId).min(1, "Choose at least one dead letter.").max(500),
    input: ids,
    run: async ({ user, input }) => {
      const result = await replayDeadLetters(input, user);
      revalidatePath(CONSOLE, "layout");

      return result;
    },
  });
}

/** Cancels a waiting, retrying or running job, or drops a dead letter, with a reason (audited). */
export async function cancelJobAction(input: unknown) {
  return runAction({
    name: "operations.cancelJob",
    permission: "operations.replay",
    schema: z.object({
      jobId: ZId,
      reason: z.string().trim().min(5, "Say why (at least 5 characters).").max(500),
    }),
    input,
    run: async ({ user, input: parsed }) => {
      const result = await cancelJob(parsed, user);
      revalidatePath(CONSOLE, "layout");

      return result;
    },
  });
}

/** Runs a retrying job at the next poll instead of after its backoff. */
export async function retryJobNowAction(jobId: unknown) {
  return runAction({
    name: "operations.retryJobNow",
    permission: "operations.replay",
    schema: ZId,
    input: jobId,
    run: async ({ user, input }) => retryJobNow(input, user),
  });
}

/** Processes an accepted inbox delivery again (one job per delivery at a time). */
export async function reprocessDeliveryAction(deliveryId: unknown) {
  return runAction({
    name: "operations.reprocessDelivery",
    permission: "operations.replay",
    schema: ZId,
    input: deliveryId,
    run: async ({ user, input }) => reprocessDelivery(input, user),
  });
}

/** Re-syncs one drifted record from Odoo and marks its findings healed. */
export async function healDriftFindingAction(findingId: unknown) {
  return runAction({
    name: "operations.healDriftFinding",
    permission: "operations.replay",
    schema: ZId,
    input: findingId,
    run: async ({ user, input }) => healDriftFinding(input, user),
  });
}
