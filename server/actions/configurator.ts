"use server";

import { revalidatePath } from "next/cache";
import { ZCreateModelInput, ZModelRef, ZModelVersionRef, ZSaveModelInput } from "@/lib/validation/configurator";
import { runAction } from "@/server/actions/run-action";
import { createConfiguratorModel } from "@/server/configurator/create-configurator-model";
import { createModelDraft } from "@/server/configurator/create-model-draft";
import { discardModelDraft } from "@/server/configurator/discard-model-draft";
import { publishModelVersion } from "@/server/configurator/publish-model-version";
import { rollbackModelVersion } from "@/server/configurator/rollback-model-version";
import { saveModelDraft } from "@/server/configurator/save-model-draft";

// Configuration models in the back office. Data managers only (configurator.write).

const refresh = <T>(result: T) => {
  revalidatePath("/portal/configurator", "layout");

  return result;
};

export async function createConfiguratorModelAction(input: unknown) {
  return runAction({
    name: "createConfiguratorModel",
    permission: "configurator.write",
    schema: ZCreateModelInput,
    input,
    run: async ({ user, input: data }) => refresh(await createConfiguratorModel({ actor: user, ...data })),
  });
}

export async function createModelDraftAction(input: unknown) {
  return runAction({
    name: "createModelDraft",
    permission: "configurator.write",
    schema: ZModelRef,
    input,
    run: async ({ user, input: data }) => refresh(await createModelDraft({ actor: user, ...data })),
  });
}

export async function saveModelDraftAction(input: unknown) {
  return runAction({
    name: "saveModelDraft",
    permission: "configurator.write",
    schema: ZSaveModelInput,
    input,
    run: async ({ user, input: data }) => refresh(await saveModelDraft({ actor: user, ...data })),
  });
}

export async function publishModelVersionAction(input: unknown) {
  return runAction({
    name: "publishModelVersion",
    permission: "configurator.write",
    schema: ZModelVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await publishModelVersion({ actor: user, ...data })),
  });
}

export async function rollbackModelVersionAction(input: unknown) {
  return runAction({
    name: "rollbackModelVersion",
    permission: "configurator.write",
    schema: ZModelVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await rollbackModelVersion({ actor: user, ...data })),
  });
}

export async function discardModelDraftAction(input: unknown) {
  return runAction({
    name: "discardModelDraft",
    permission: "configurator.write",
    schema: ZModelVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await discardModelDraft({ actor: user, ...data })),
  });
}
