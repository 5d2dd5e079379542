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

/** A record schema: `id` plus the fields asked for (the rest of a response is ignored). */
export const odooRecord = <T extends z.ZodRawShape>(shape: T) => z.object({ id: z.number().int(), ...shape });

/** The field names to ask Odoo for, from a record shape. */
export const fieldsOf = (shape: z.ZodRawShape): string[] => Object.keys(shape);

/** A selection value as one of the values we know; unset (`false`) is null. */
export const odooSelection = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.literal(false)]).transform((value) => (value === false ? null : value));

// Odoo keeps amounts as floats in currency units, rounded to the currency's precision (two
// decimals for EUR and USD, the currencies Tradepost sells in); we keep integer minor units.
const MINOR_PER_UNIT = 100;

export function toMinorUnits(amount: number): number {
  return Math.round(amount * MINOR_PER_UNIT);
}

export function fromMinorUnits(minor: number): number {
  return minor / MINOR_PER_UNIT;
}

export const odooMoney = z.number().transform(toMinorUnits);
