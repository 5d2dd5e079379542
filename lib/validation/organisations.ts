import { z } from "zod";

export const ZSetMemberActiveInput = z
  .object({
    userId: z.uuid("Choose a member of your organisation."),
    isActive: z.boolean(),
  })
  .strict();

export const ORGANISATION_STATUS_REASON_MAX = 500;

// A suspension locks a customer out, so it says why (staff read it on the list and in the audit
// log); a reactivation may say why.
export const ZSetOrganisationStatusInput = z
  .object({
    organisationId: z.uuid("Choose an organisation."),
    status: z.enum(["ACTIVE", "SUSPENDED"], "Status must be ACTIVE or SUSPENDED."),
    reason: z
      .string("Say why.")
      .trim()
      .max(ORGANISATION_STATUS_REASON_MAX, `At most ${ORGANISATION_STATUS_REASON_MAX} characters.`)
      .default(""),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.status === "SUSPENDED" && input.reason.length < 3)
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Say why the organisation is suspended (at least 3 characters).",
      });
  });

export type TSetMemberActiveInput = z.infer<typeof ZSetMemberActiveInput>;
export type TSetOrganisationStatusInput = z.infer<typeof ZSetOrganisationStatusInput>;
