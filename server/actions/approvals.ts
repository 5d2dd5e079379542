"use server";

import { revalidatePath } from "next/cache";
import {
  ZApprovalWindowInput,
  ZApproveApprovalStepInput,
  ZCreateApprovalRuleInput,
  ZMoveApprovalRuleInput,
  ZPreviewApprovalsInput,
  ZRejectApprovalRequestInput,
  ZSetApprovalRuleActiveInput,
  ZUpdateApprovalRuleInput,
} from "@/lib/approvals/schemas";
import { runAction } from "@/server/actions/run-action";
import { approveApprovalStep } from "@/server/approvals/approve-approval-step";
import { createApprovalRule } from "@/server/approvals/create-approval-rule";
import { getApprovalCurrency } from "@/server/approvals/get-approval-currency";
import { moveApprovalRule } from "@/server/approvals/move-approval-rule";
import { previewApprovals } from "@/server/approvals/preview-approvals";
import { rejectApprovalRequest } from "@/server/approvals/reject-approval-request";
import { setApprovalRuleActive } from "@/server/approvals/set-approval-rule-active";
import { updateApprovalRule } from "@/server/approvals/update-approval-rule";
import { updateApprovalWindow } from "@/server/approvals/update-approval-window";
import { organisationIdOf } from "@/server/auth/session";

const RULES_PATH = "/portal/organisation/approval-rules";

export async function approveApprovalStepAction(input: unknown) {
  return runAction({
    name: "approveApprovalStep",
    permission: "approvals.decide",
    schema: ZApproveApprovalStepInput,
    input,
    run: async ({ user, input: { stepId, comment } }) => {
      const result = await approveApprovalStep({
        actor: user,
        organisationId: organisationIdOf(user),
        stepId,
        comment,
      });
      revalidatePath("/approvals");

      return result;
    },
  });
}

export async function rejectApprovalRequestAction(input: unknown) {
  return runAction({
    name: "rejectApprovalRequest",
    permission: "approvals.decide",
    schema: ZRejectApprovalRequestInput,
    input,
    run: async ({ user, input: { orderId, reason } }) => {
      const result = await rejectApprovalRequest({
        actor: user,
        organisationId: organisationIdOf(user),
        orderId,
        reason,
      });
      revalidatePath("/approvals");

      return result;
    },
  });
}

export async function createApprovalRuleAction(input: unknown) {
  return runAction({
    name: "createApprovalRule",
    permission: "organisation.approvals.manage",
    schema: ZCreateApprovalRuleInput,
    input,
    run: async ({ user, input: rule }) => {
      const currency = await getApprovalCurrency();
      const result = await createApprovalRule({
        actor: user,
        organisationId: organisationIdOf(user),
        input: rule,
        currency,
      });
      revalidatePath(RULES_PATH);

      return result;
    },
  });
}

export async function updateApprovalRuleAction(input: unknown) {
  return runAction({
    name: "updateApprovalRule",
    permission: "organisation.approvals.manage",
    schema: ZUpdateApprovalRuleInput,
    input,
    run: async ({ user, input: rule }) => {
      const currency = await getApprovalCurrency();
      const result = await updateApprovalRule({
        actor: user,
        organisationId: organisationIdOf(user),
        input: rule,
        currency,
      });
      revalidatePath(RULES_PATH);

      return result;
    },
  });
}

export async function setApprovalRuleActiveAction(input: unknown) {
  return runAction({
    name: "setApprovalRuleActive",
    permission: "organisation.approvals.manage",
    schema: ZSetApprovalRuleActiveInput,
    input,
    run: async ({ user, input: { ruleId, active } }) => {
      const result = await setApprovalRuleActive({
        actor: user,
        organisationId: organisationIdOf(user),
        ruleId,
        active,
      });
      revalidatePath(RULES_PATH);

      return result;
    },
  });
}

export async function moveApprovalRuleAction(input: unknown) {
  return runAction({
    name: "moveApprovalRule",
    permission: "organisation.approvals.manage",
    schema: ZMoveApprovalRuleInput,
    input,
    run: async ({ user, input: { ruleId, direction } }) => {
      const result = await moveApprovalRule({ actor: user, organisationId: organisationIdOf(user), ruleId, direction });
      revalidatePath(RULES_PATH);

      return result;
    },
  });
}

export async function updateApprovalWindowAction(input: unknown) {
  return runAction({
    name: "updateApprovalWindow",
    permission: "organisation.approvals.manage",
    schema: ZApprovalWindowInput,
    input,
    run: async ({ user, input: { approvalWindowHours } }) => {
      const organisationId = organisationIdOf(user);
      const result = await updateApprovalWindow({ actor: user, organisationId, approvalWindowHours });
      revalidatePath(RULES_PATH);

      return result;
    },
  });
}

export async function previewApprovalsAction(input: unknown) {
  return runAction({
    name: "previewApprovals",
    permission: "organisation.approvals.manage",
    schema: ZPreviewApprovalsInput,
    input,
    run: async ({ user, input: preview }) =>
      previewApprovals({
        organisationId: organisationIdOf(user),
        input: preview,
        currency: await getApprovalCurrency(),
      }),
  });
}
