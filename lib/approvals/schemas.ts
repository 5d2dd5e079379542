import { z } from "zod";

export const APPROVAL_CONDITIONS = ["TOTAL_ABOVE", "CONTAINS_CATEGORY", "NEW_ADDRESS", "OVER_SPENDING_LIMIT"] as const;
export const APPROVER_ROLES = ["APPROVER", "ORG_ADMIN"] as const;

const CATEGORY_HANDLE = /^[a-z0-9][a-z0-9-]{0,119}$/;

const ZRuleFields = z.object({
  condition: z.enum(APPROVAL_CONDITIONS, "Choose a condition."),
  /** In currency units as typed ("10000", "2500.50"); converted on the server in the store's currency. */
  amount: z.string().trim().max(20, "That amount is too long.").default(""),
  categoryHandle: z.string().trim().toLowerCase().max(120, "At most 120 characters.").default(""),
  approverRole: z.enum(APPROVER_ROLES, "Choose who must approve."),
});

type TRuleFields = z.infer<typeof ZRuleFields>;

function checkConditionFields(rule: TRuleFields, ctx: z.RefinementCtx) {
  if (rule.condition === "TOTAL_ABOVE" && !rule.amount) {
    ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the amount above which approval is needed." });
  }
  if (rule.condition === "CONTAINS_CATEGORY" && !CATEGORY_HANDLE.test(rule.categoryHandle)) {
    ctx.addIssue({
      code: "custom",
      path: ["categoryHandle"],
      message: "Enter a category handle: lower-case letters, digits and dashes (for example “tables”).",
    });
  }
}

export const ZCreateApprovalRuleInput = ZRuleFields.strict().superRefine(checkConditionFields);

export const ZUpdateApprovalRuleInput = ZRuleFields.extend({ ruleId: z.uuid("Choose a rule.") })
  .strict()
  .superRefine(checkConditionFields);

export const ZSetApprovalRuleActiveInput = z.object({ ruleId: z.uuid("Choose a rule."), active: z.boolean() }).strict();

export const ZMoveApprovalRuleInput = z
  .object({ ruleId: z.uuid("Choose a rule."), direction: z.enum(["up", "down"]) })
  .strict();

export const ZApprovalWindowInput = z
  .object({
    approvalWindowHours: z.coerce
      .number("Enter a number of hours.")
      .int("Whole hours only.")
      .min(1, "At least 1 hour.")
      .max(720, "At most 720 hours (30 days)."),
  })
  .strict();

export const ZPreviewApprovalsInput = z
  .object({
    buyerId: z.uuid("Choose a member."),
    amount: z.string().trim().min(1, "Enter an order total.").max(20, "That amount is too long."),
    categoryHandle: z.string().trim().toLowerCase().max(120).default(""),
    newAddress: z.boolean().default(false),
  })
  .strict();

export const ZApproveApprovalStepInput = z
  .object({
    stepId: z.uuid("Choose an approval step."),
    comment: z.string().trim().max(1000, "At most 1000 characters.").default(""),
  })
  .strict();

export const ZRejectApprovalRequestInput = z
  .object({
    orderId: z.uuid("Choose an approval request."),
    reason: z
      .string()
      .trim()
      .min(3, "Say why you reject it: the buyer reads this.")
      .max(1000, "At most 1000 characters."),
  })
  .strict();

export type TCreateApprovalRuleInput = z.infer<typeof ZCreateApprovalRuleInput>;
export type TUpdateApprovalRuleInput = z.infer<typeof ZUpdateApprovalRuleInput>;
export type TPreviewApprovalsInput = z.infer<typeof ZPreviewApprovalsInput>;
