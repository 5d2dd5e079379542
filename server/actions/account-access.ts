"use server";

import { ZAcceptInvitationInput, ZRequestPasswordResetInput, ZResetPasswordInput } from "@/lib/validation/members";
import { runPublicAction } from "@/server/actions/run-public-action";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { resetPassword } from "@/server/auth/reset-password";
import { acceptInvitation } from "@/server/organisations/accept-invitation";

// Actions of visitors without a session: the signed token in the input is what authorises them.

export async function acceptInvitationAction(input: unknown) {
  return runPublicAction({
    name: "acceptInvitation",
    schema: ZAcceptInvitationInput,
    input,
    run: ({ input: data }) => acceptInvitation(data),
  });
}

export async function requestPasswordResetAction(input: unknown) {
  return runPublicAction({
    name: "requestPasswordReset",
    schema: ZRequestPasswordResetInput,
    input,
    run: ({ input: { email }, ip }) => requestPasswordReset({ email, ip }),
  });
}

export async function resetPasswordAction(input: unknown) {
  return runPublicAction({
    name: "resetPassword",
    schema: ZResetPasswordInput,
    input,
    run: ({ input: data }) => resetPassword(data),
  });
}
