import { z } from "zod";

export const ZSetMemberActiveInput = z
  .object({
    userId: z.uuid("Choose a member of your organisation."),
    isActive: z.boolean(),
  })
  .strict();

export const ZSetOrganisationStatusInput = z
  .object({
    organisationId: z.uuid("Choose an organisation."),
    status: z.enum(["ACTIVE", "SUSPENDED"], "Status must be ACTIVE or SUSPENDED."),
  })
  .strict();

export type TSetMemberActiveInput = z.infer<typeof ZSetMemberActiveInput>;
export type TSetOrganisationStatusInput = z.infer<typeof ZSetOrganisationStatusInput>;
