import "server-only";
import { z } from "zod";

// Odoo's value conventions, mapped to clean types in one place: every unset value is
// `false` (for strings, numbers' relations and dates alike), a many2one is [id, display
// name], x2many are id lists, datetimes are "YYYY-MM-DD HH:MM:SS" in UTC.

export const odooText = z.union([z.string(), z.literal(false)]).transform((value) => (value === false ? null : value));

export const odooMany2one = z
  .union([z.tuple([z.number().int(), z.string()]), z.literal(false)])
  .transform((value) => (value === false ? null : { id: value[0], name: value[1] }));

export const odooIds = z.array(z.number().int());

export const odooNumber = z.number();

export const odooBoolean = z.boolean();

export const odooDatetime = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/), z.literal(false)])
  .transform((value) => (value === false ? null : new Date(`${value.replace(" ", "T")}Z`)));

/** A Date as Odoo wants it in domains and values: "YYYY-MM-DD HH:MM:SS", UTC. */
export function toOdooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

export type TMany2one = z.infer<typeof odooMany2one>;
