import { z } from "zod";
import { PASSWORD_MAX_LENGTH, unmetPasswordRules } from "@/lib/auth/password-rules";
import { ZEmail } from "@/lib/validation/auth";

export const MEMBER_ROLES = ["BUYER", "APPROVER", "ORG_ADMIN"] as const;
export const SPENDING_PERIODS = ["DAY", "WEEK", "MONTH", "QUARTER"] as const;

export const MEMBER_ROLE_LABEL = { BUYER: "Buyer", APPROVER: "Approver", ORG_ADMIN: "Org admin" } as const;
export const SPENDING_PERIOD_LABEL = {
  DAY: "per day",
  WEEK: "per week",
  MONTH: "per month",
  QUARTER: "per quarter",
} as const;

const ZRole = z.enum(MEMBER_ROLES, "Choose buyer, approver or org admin.");
const ZPeriod = z.enum(SPENDING_PERIODS, "Choose a period: day, week, month or quarter.");
/** A limit as typed ("5000", "1250.50"); empty means no limit. Converted to minor units with the currency on the server. */
const ZLimitText = z
  .string()
  .trim()
  .max(20, "Enter an amount such as 5000 or 1250.50.")
  .regex(/^(\d+([.,]\d{1,2})?)?$/, "Enter an amount such as 5000 or 1250.50, or leave it empty for no limit.");

export const ZInviteMemberInput = z
  .object({ email: ZEmail, role: ZRole, spendingLimit: ZLimitText.default(""), spendingLimitPeriod: ZPeriod })
  .strict();

export const ZInvitationIdInput = z.object({ invitationId: z.uuid("Choose an invitation.") }).strict();

export const ZChangeMemberRoleInput = z
  .object({ userId: z.uuid("Choose a member of your organisation."), role: ZRole })
  .strict();

export const ZChangeSpendingLimitInput = z
  .object({
    userId: z.uuid("Choose a member of your organisation."),
    spendingLimit: ZLimitText,
    spendingLimitPeriod: ZPeriod,
  })
  .strict();

const ZNewPassword = z
  .string({ error: "Choose a password." })
  .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`);

/** A new password checked against the rules (with the person's email and name for the "personal" rule). */
function withPasswordRules<T extends { password: string; confirmPassword: string }>(
  value: T,
  ctx: z.RefinementCtx,
  context: { email?: string; name?: string },
) {
  const unmet = unmetPasswordRules(value.password, context);
  if (unmet.length)
    ctx.addIssue({
      code: "custom",
      path: ["password"],
      message: `The password needs: ${unmet.map((rule) => rule.label.toLowerCase()).join(", ")}.`,
    });
  if (value.password !== value.confirmPassword)
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords differ." });
}

export const ZAcceptInvitationInput = z
  .object({
    token: z.string().min(1).max(200),
    name: z.string().trim().min(1, "Enter your name.").max(160, "A name has at most 160 characters."),
    password: ZNewPassword,
    confirmPassword: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .strict();

/** With the invited email, which the form does not send: the server adds it before checking. */
export function checkAcceptInvitation(input: z.infer<typeof ZAcceptInvitationInput>, email: string) {
  return ZAcceptInvitationInput.superRefine((value, ctx) =>
    withPasswordRules(value, ctx, { email, name: value.name }),
  ).safeParse(input);
}

export const ZRequestPasswordResetInput = z.object({ email: ZEmail }).strict();

export const ZResetPasswordInput = z
  .object({ token: z.string().min(1).max(200), password: ZNewPassword, confirmPassword: z.string().max(200) })
  .strict();

export function checkResetPassword(
  input: z.infer<typeof ZResetPasswordInput>,
  context: { email: string; name: string },
) {
  return ZResetPasswordInput.superRefine((value, ctx) => withPasswordRules(value, ctx, context)).safeParse(input);
}

export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;
export type TChangeSpendingLimitInput = z.infer<typeof ZChangeSpendingLimitInput>;
export type TMemberRole = (typeof MEMBER_ROLES)[number];
