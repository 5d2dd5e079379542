"use server";

import { revalidatePath } from "next/cache";
import {
  ZAcknowledgeInput,
  ZBulkEditRulesInput,
  ZDeleteRulesInput,
  ZImportRulesInput,
  ZSaveRuleInput,
  ZSimulateInput,
  ZUpdateNoteInput,
  ZUpdatePolicyInput,
  ZWhatIfInput,
} from "@/lib/validation/pricing";
import { runAction } from "@/server/actions/run-action";
import { acknowledgeWarnings } from "@/server/pricing/acknowledge-warnings";
import { bulkEditRules } from "@/server/pricing/bulk-edit-rules";
import { deleteRules } from "@/server/pricing/delete-rules";
import { importRules } from "@/server/pricing/import-rules";
import { runVersionWhatIf } from "@/server/pricing/run-version-what-if";
import { saveRule } from "@/server/pricing/save-rule";
import { simulatePrice } from "@/server/pricing/simulate-price";
import { updatePolicy } from "@/server/pricing/update-policy";
import { updateVersionNote } from "@/server/pricing/update-version-note";

// Editing a draft's content, and looking at what it would do. Data managers only.

const refresh = <T>(result: T) => {
  revalidatePath("/portal/pricing", "layout");

  return result;
};

export async function saveRuleAction(input: unknown) {
  return runAction({
    name: "saveRule",
    permission: "pricing.write",
    schema: ZSaveRuleInput,
    input,
    run: async ({ user, input: data }) => refresh(await saveRule({ actor: user, ...data })),
  });
}

export async function deleteRulesAction(input: unknown) {
  return runAction({
    name: "deleteRules",
    permission: "pricing.write",
    schema: ZDeleteRulesInput,
    input,
    run: async ({ user, input: data }) => refresh(await deleteRules({ actor: user, ...data })),
  });
}

export async function bulkEditRulesAction(input: unknown) {
  return runAction({
    name: "bulkEditRules",
    permission: "pricing.write",
    schema: ZBulkEditRulesInput,
    input,
    run: async ({ user, input: data }) => refresh(await bulkEditRules({ actor: user, ...data })),
  });
}

export async function updatePolicyAction(input: unknown) {
  return runAction({
    name: "updatePolicy",
    permission: "pricing.write",
    schema: ZUpdatePolicyInput,
    input,
    run: async ({ user, input: data }) => refresh(await updatePolicy({ actor: user, ...data })),
  });
}

export async function updateVersionNoteAction(input: unknown) {
  return runAction({
    name: "updateVersionNote",
    permission: "pricing.write",
    schema: ZUpdateNoteInput,
    input,
    run: async ({ user, input: data }) => refresh(await updateVersionNote({ actor: user, ...data })),
  });
}

export async function importRulesAction(input: unknown) {
  return runAction({
    name: "importRules",
    permission: "pricing.write",
    schema: ZImportRulesInput,
    input,
    run: async ({ user, input: data }) => refresh(await importRules({ actor: user, ...data })),
  });
}

export async function acknowledgeWarningsAction(input: unknown) {
  return runAction({
    name: "acknowledgeWarnings",
    permission: "pricing.write",
    schema: ZAcknowledgeInput,
    input,
    run: async ({ user, input: data }) => refresh(await acknowledgeWarnings({ actor: user, ...data })),
  });
}

export async function simulatePriceAction(input: unknown) {
  return runAction({
    name: "simulatePrice",
    permission: "pricing.read",
    schema: ZSimulateInput,
    input,
    run: ({ input: data }) => simulatePrice({ ...data, at: new Date(data.at) }),
  });
}

export async function runWhatIfAction(input: unknown) {
  return runAction({
    name: "runWhatIf",
    permission: "pricing.read",
    schema: ZWhatIfInput,
    input,
    run: ({ input: data }) => runVersionWhatIf({ ...data, at: new Date() }),
  });
}
