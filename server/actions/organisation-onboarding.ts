"use server";

import { revalidatePath } from "next/cache";
import { ZOnboardOrganisationInput } from "@/lib/validation/onboarding";
import { runAction } from "@/server/actions/run-action";
import { onboardOrganisation } from "@/server/organisations/onboard-organisation";

/** Operators only (organisations.manage; data managers read). */
export async function onboardOrganisationAction(input: unknown) {
  return runAction({
    name: "onboardOrganisation",
    permission: "organisations.manage",
    schema: ZOnboardOrganisationInput,
    input,
    run: async ({ user, input: data }) => {
      const result = await onboardOrganisation({ actor: user, input: data });
      revalidatePath("/portal/organisations");

      return result;
    },
  });
}
