"use server";

import { revalidatePath } from "next/cache";
import {
  ZChangeMemberRoleInput,
  ZChangeSpendingLimitInput,
  ZInvitationIdInput,
  ZInviteMemberInput,
} from "@/lib/validation/members";
import { ZRequestAddressChangeInput } from "@/lib/validation/address-change";
import { ZSetMemberActiveInput } from "@/lib/validation/organisations";
import { runAction } from "@/server/actions/run-action";
import { organisationIdOf } from "@/server/auth/session";
import { changeMemberRole } from "@/server/organisations/change-member-role";
import { changeSpendingLimit } from "@/server/organisations/change-spending-limit";
import { inviteMember } from "@/server/organisations/invite-member";
import { requestAddressChange } from "@/server/organisations/request-address-change";
import { resendInvitation } from "@/server/organisations/resend-invitation";
import { revokeInvitation } from "@/server/organisations/revoke-invitation";
import { setMemberActive } from "@/server/organisations/set-member-active";

// Every action here: an org admin (organisation.members.manage), on their own organisation only
// (the id comes from the session, never from the input).
const PERMISSION = "organisation.members.manage";
const done = <T>(result: T) => {
  revalidatePath("/portal/organisation");

  return result;
};

export async function setMemberActiveAction(input: unknown) {
  return runAction({
    name: "setMemberActive",
    permission: PERMISSION,
    schema: ZSetMemberActiveInput,
    input,
    run: async ({ user, input: { userId, isActive } }) =>
      done(await setMemberActive({ actor: user, organisationId: organisationIdOf(user), userId, isActive })),
  });
}

export async function inviteMemberAction(input: unknown) {
  return runAction({
    name: "inviteMember",
    permission: PERMISSION,
    schema: ZInviteMemberInput,
    input,
    run: async ({ user, input: data }) =>
      done(await inviteMember({ actor: user, organisationId: organisationIdOf(user), input: data })),
  });
}

export async function resendInvitationAction(input: unknown) {
  return runAction({
    name: "resendInvitation",
    permission: PERMISSION,
    schema: ZInvitationIdInput,
    input,
    run: async ({ user, input: { invitationId } }) =>
      done(await resendInvitation({ actor: user, organisationId: organisationIdOf(user), invitationId })),
  });
}

export async function revokeInvitationAction(input: unknown) {
  return runAction({
    name: "revokeInvitation",
    permission: PERMISSION,
    schema: ZInvitationIdInput,
    input,
    run: async ({ user, input: { invitationId } }) =>
      done(await revokeInvitation({ actor: user, organisationId: organisationIdOf(user), invitationId })),
  });
}

export async function changeMemberRoleAction(input: unknown) {
  return runAction({
    name: "changeMemberRole",
    permission: PERMISSION,
    schema: ZChangeMemberRoleInput,
    input,
    run: async ({ user, input: { userId, role } }) =>
      done(await changeMemberRole({ actor: user, organisationId: organisationIdOf(user), userId, role })),
  });
}

export async function changeSpendingLimitAction(input: unknown) {
  return runAction({
    name: "changeSpendingLimit",
    permission: PERMISSION,
    schema: ZChangeSpendingLimitInput,
    input,
    run: async ({ user, input: data }) =>
      done(await changeSpendingLimit({ actor: user, organisationId: organisationIdOf(user), ...data })),
  });
}

export async function requestAddressChangeAction(input: unknown) {
  return runAction({
    name: "requestAddressChange",
    permission: PERMISSION,
    schema: ZRequestAddressChangeInput,
    input,
    run: async ({ user, input: data }) =>
      done(await requestAddressChange({ actor: user, organisationId: organisationIdOf(user), input: data })),
  });
}
