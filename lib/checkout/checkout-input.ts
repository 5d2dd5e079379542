import { z } from "zod";
import { PG_INT_MAX } from "@/lib/validation/pg-int";

// What the checkout form sends. Never a price, a total or a shipping cost: the server decides
// those. The address and carrier are ids the server checks against the organisation's cached
// Odoo data; the key identifies one checkout attempt (generated when the page rendered).

export const PO_NUMBER_MAX = 40;
export const NOTES_MAX = 2000;

export const ZCheckoutInput = z
  .object({
    checkoutKey: z.uuid("The checkout form is out of date; reload the page."),
    addressId: z.coerce
      .number({ error: "Choose a delivery address." })
      .int()
      .positive("Choose a delivery address.")
      .max(PG_INT_MAX, "Choose a delivery address."),
    carrierId: z.coerce
      .number({ error: "Choose a shipping method." })
      .int()
      .positive("Choose a shipping method.")
      .max(PG_INT_MAX, "Choose a shipping method."),
    poNumber: z
      .string()
      .trim()
      .max(PO_NUMBER_MAX, `The PO number can have at most ${PO_NUMBER_MAX} characters.`)
      .default(""),
    notes: z.string().trim().max(NOTES_MAX, `Notes can have at most ${NOTES_MAX} characters.`).default(""),
    requestedDeliveryDate: z.union([z.literal(""), z.iso.date("Enter a date as YYYY-MM-DD.")]).default(""),
    /** The prices the buyer accepted after seeing a change (a fingerprint of them), if any. */
    acceptedPrices: z.string().max(200).default(""),
  })
  .strict();

export type TCheckoutInput = z.infer<typeof ZCheckoutInput>;

/** True when `date` (YYYY-MM-DD) is before `today` (YYYY-MM-DD, in the organisation's time zone). */
export const isPastDate = (date: string, today: string) => date < today;

/** Today as YYYY-MM-DD in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
