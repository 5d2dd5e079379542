"use server";

import { revalidatePath } from "next/cache";
import { ZSetOrganisationStatusInput } from "@/lib/validation/organisations";
import { runAction } from "@/server/actions/run-action";
import { setOrganisationStatus } from "@/server/organisations/set-organisation-status";

export async function setOrganisationStatusAction(input: unknown) {
  return runAction({
    name: "setOrganisationStatus",
    permission: "organisations.manage",
    schema: ZSetOrganisationStatusInput,
    input,
    run: async ({ user, input: { organisationId, status, reason } }) => {
      const result = await setOrganisationStatus({ actor: user, organisationId, status, reason: reason || null });
      revalidatePath("/portal/organisations");

      return result;
    },
  });
}
