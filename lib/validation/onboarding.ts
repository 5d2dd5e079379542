import { z } from "zod";
import { PG_INT_MAX } from "@/lib/validation/pg-int";
import { ZEmail } from "@/lib/validation/auth";

export const ZOnboardOrganisationInput = z
  .object({
    odooPartnerId: z.coerce
      .number()
      .int()
      .positive("Choose an Odoo company.")
      .max(PG_INT_MAX, "Choose an Odoo company."),
    name: z.string().trim().min(2, "Enter the organisation's name.").max(160, "At most 160 characters."),
    adminEmail: ZEmail,
  })
  .strict();

export type TOnboardOrganisationInput = z.infer<typeof ZOnboardOrganisationInput>;
