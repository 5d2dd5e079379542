import { z } from "zod";
import { ORDER_STATUSES, type TOrderStatus } from "@/lib/orders/order-status";

// The filters of the organisation's order list, read from URL search params. A param that does
// not parse is dropped (the list shows without it) and reported as a field error next to its
// input: a hand-edited URL never breaks the page.

export type TOrderFilters = {
  buyer?: string;
  status?: TOrderStatus;
  /** Calendar days (YYYY-MM-DD) in the organisation's time zone, both included. */
  from?: string;
  to?: string;
  po?: string;
  page: number;
};

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31.")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);

    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, "This is not a date.");

const FIELDS = {
  buyer: z.uuid("Choose a buyer from the list."),
  status: z.enum(ORDER_STATUSES, "Choose a status from the list."),
  from: ZDay,
  to: ZDay,
  po: z
    .string()
    .max(40, "A PO number has at most 40 characters.")
    // PostgreSQL text cannot hold NUL, and no PO number has control characters (found by fuzzing).
    .regex(/^[^\u0000-\u001f\u007f]*$/, "A PO number has no control characters."),
  page: z.coerce.number("Pages are numbered 1, 2, 3 …").int().min(1).max(100_000),
} as const;

type TParams = Record<string, string | string[] | undefined>;

export function readOrderFilters(params: TParams): { filters: TOrderFilters; fieldErrors: Record<string, string[]> } {
  const filters: Record<string, unknown> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, schema] of Object.entries(FIELDS)) {
    const raw = params[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) filters[name] = parsed.data;
    else fieldErrors[name] = [parsed.error.issues[0]?.message ?? "Not understood."];
  }
  if (typeof filters.from === "string" && typeof filters.to === "string" && filters.to < filters.from) {
    fieldErrors.to = ["The end date is before the start date."];
    delete filters.to;
  }
  if (fieldErrors.page) fieldErrors.page = ["Pages are numbered 1, 2, 3 …"];

  return { filters: { page: 1, ...filters } as TOrderFilters, fieldErrors };
}

/** The filters as search params again (for links: pagination, the CSV export), page left out. */
export function orderFilterParams(filters: TOrderFilters): Record<string, string | undefined> {
  return { buyer: filters.buyer, status: filters.status, from: filters.from, to: filters.to, po: filters.po };
}

function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));

  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day starts in `timeZone` (an unknown zone counts as UTC). */
export function startOfDayIn(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  try {
    const first = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
    // Across a DST change the offset at the answer can differ from the one at the guess.
    return new Date(midnightUtc - zoneOffsetMs(first, timeZone));
  } catch {
    return new Date(midnightUtc);
  }
}

/** The day after (YYYY-MM-DD), for "up to and including `to`". */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
