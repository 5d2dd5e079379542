import { z } from "zod";
import { PG_INT_MAX } from "@/lib/validation/pg-int";

export const ZRequestAddressChangeInput = z
  .object({
    odooPartnerId: z.coerce
      .number()
      .int()
      .positive("Choose the address to change.")
      .max(PG_INT_MAX, "Choose the address to change."),
    message: z
      .string()
      .trim()
      .min(5, "Say what should change, e.g. the new street and postcode.")
      .max(2000, "At most 2000 characters."),
  })
  .strict();

export type TRequestAddressChangeInput = z.infer<typeof ZRequestAddressChangeInput>;
