"use server";

import { revalidatePath } from "next/cache";
import { ZCreateRuleSetInput, ZPublishInput, ZRejectInput, ZRuleSetRef, ZVersionRef } from "@/lib/validation/pricing";
import { runAction } from "@/server/actions/run-action";
import { approveVersion } from "@/server/pricing/approve-version";
import { createDraft } from "@/server/pricing/create-draft";
import { createRuleSet } from "@/server/pricing/create-rule-set";
import { discardVersion } from "@/server/pricing/discard-version";
import { publishVersion } from "@/server/pricing/publish-version";
import { rejectVersion } from "@/server/pricing/reject-version";
import { rollbackToVersion } from "@/server/pricing/rollback-to-version";
import { submitVersion } from "@/server/pricing/submit-version";
import { unscheduleVersion } from "@/server/pricing/unschedule-version";
import { withdrawVersion } from "@/server/pricing/withdraw-version";

// A rule-set version's life: draft → (submitted → approved) → published → superseded,
// plus rollback and discard. Data managers only; approving and publishing need
// pricing.publish.

const refresh = <T>(result: T) => {
  revalidatePath("/portal/pricing", "layout");

  return result;
};

export async function createRuleSetAction(input: unknown) {
  return runAction({
    name: "createRuleSet",
    permission: "pricing.write",
    schema: ZCreateRuleSetInput,
    input,
    run: async ({ user, input: data }) => refresh(await createRuleSet({ actor: user, ...data })),
  });
}

export async function createDraftAction(input: unknown) {
  return runAction({
    name: "createDraft",
    permission: "pricing.write",
    schema: ZRuleSetRef,
    input,
    run: async ({ user, input: data }) => refresh(await createDraft({ actor: user, ...data })),
  });
}

export async function submitVersionAction(input: unknown) {
  return runAction({
    name: "submitVersion",
    permission: "pricing.write",
    schema: ZVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await submitVersion({ actor: user, ...data })),
  });
}

export async function approveVersionAction(input: unknown) {
  return runAction({
    name: "approveVersion",
    permission: "pricing.publish",
    schema: ZVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await approveVersion({ actor: user, ...data })),
  });
}

export async function rejectVersionAction(input: unknown) {
  return runAction({
    name: "rejectVersion",
    permission: "pricing.publish",
    schema: ZRejectInput,
    input,
    run: async ({ user, input: data }) => refresh(await rejectVersion({ actor: user, ...data })),
  });
}

export async function withdrawVersionAction(input: unknown) {
  return runAction({
    name: "withdrawVersion",
    permission: "pricing.write",
    schema: ZVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await withdrawVersion({ actor: user, ...data })),
  });
}

export async function publishVersionAction(input: unknown) {
  return runAction({
    name: "publishVersion",
    permission: "pricing.publish",
    schema: ZPublishInput,
    input,
    run: async ({ user, input: data }) =>
      refresh(
        await publishVersion({
          actor: user,
          versionId: data.versionId,
          effectiveFrom: data.effectiveFrom ? new Date(data.effectiveFrom) : null,
        }),
      ),
  });
}

export async function unscheduleVersionAction(input: unknown) {
  return runAction({
    name: "unscheduleVersion",
    permission: "pricing.publish",
    schema: ZVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await unscheduleVersion({ actor: user, ...data })),
  });
}

export async function rollbackToVersionAction(input: unknown) {
  return runAction({
    name: "rollbackToVersion",
    permission: "pricing.publish",
    schema: ZVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await rollbackToVersion({ actor: user, ...data })),
  });
}

export async function discardVersionAction(input: unknown) {
  return runAction({
    name: "discardVersion",
    permission: "pricing.write",
    schema: ZVersionRef,
    input,
    run: async ({ user, input: data }) => refresh(await discardVersion({ actor: user, ...data })),
  });
}
