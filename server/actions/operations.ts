"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/server/actions/run-action";
import { requestCatalogImport } from "@/server/catalog/request-catalog-import";
import { setupOdooWebhooks } from "@/server/erp/setup-odoo-webhooks";

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
