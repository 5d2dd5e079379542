"use server";

import { revalidatePath } from "next/cache";
import { ZSetMemberActiveInput } from "@/lib/validation/organisations";
import { runAction } from "@/server/actions/run-action";
import { organisationIdOf } from "@/server/auth/session";
import { setMemberActive } from "@/server/organisations/set-member-active";

export async function setMemberActiveAction(input: unknown) {
  return runAction({
    name: "setMemberActive",
    permission: "organisation.members.manage",
    schema: ZSetMemberActiveInput,
    input,
    run: async ({ user, input: { userId, isActive } }) => {
      const result = await setMemberActive({ actor: user, organisationId: organisationIdOf(user), userId, isActive });
      revalidatePath("/portal/organisation");

      return result;
    },
  });
}
