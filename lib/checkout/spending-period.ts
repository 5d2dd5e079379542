// Spending-limit periods are CALENDAR periods in the organisation's time zone: the day, the
// week (Monday to Sunday), the month or the quarter that contains the moment, from local
// midnight to local midnight. Bounds are UTC instants, start inclusive and end exclusive.
// Only Intl is used (no date library): calendar arithmetic is done on "wall times" held as
// UTC milliseconds, where no daylight-saving change exists, and converted once at the end.

export type TSpendingPeriod = "DAY" | "WEEK" | "MONTH" | "QUARTER";

export type TPeriodBounds = { start: Date; end: Date };

type TWallDate = { year: number; month: number; day: number };

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

/** The wall-clock time in `timeZone` at `instantMs`, as UTC milliseconds (seconds precision). */
function wallTimeAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (type !== "literal") parts[type] = Number(value);
  }

  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

const offsetAt = (instantMs: number, timeZone: string) =>
  wallTimeAt(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;

/**
 * The first instant whose wall time in `timeZone` is `wallMs` or later. When the wall time occurs
 * twice (clocks set back) that is the earlier one; when it does not occur (clocks set forward over
 * it) it is the moment of the change, which is when that local day really starts.
 */
function instantOfWallTime(wallMs: number, timeZone: string): number {
  // At most one offset change lies within a day of any wall time in real time zones.
  const offsets = new Set([-14, 0, 14].map((hours) => offsetAt(wallMs + hours * HOUR_MS, timeZone)));
  const candidates = [...offsets].map((offset) => wallMs - offset).sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallTimeAt(instant, timeZone) === wallMs);
  if (exact !== undefined) return exact;

  return candidates.find((instant) => wallTimeAt(instant, timeZone) > wallMs) ?? candidates[candidates.length - 1]!;
}

/** The calendar date in `timeZone` at `at`. */
export function zonedDateOf(at: Date, timeZone: string): TWallDate {
  const wall = new Date(wallTimeAt(at.getTime(), timeZone));

  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** Date.UTC normalises overflowing months and days (month 13 → January of the next year). */
const startOfLocalDay = (year: number, month: number, day: number, timeZone: string) =>
  new Date(instantOfWallTime(Date.UTC(year, month - 1, day), timeZone));

/** The calendar period of `period` that contains `at`, in `timeZone`. */
export function spendingPeriodBounds(period: TSpendingPeriod, at: Date, timeZone: string): TPeriodBounds {
  const { year, month, day } = zonedDateOf(at, timeZone);
  switch (period) {
    case "DAY":
      return {
        start: startOfLocalDay(year, month, day, timeZone),
        end: startOfLocalDay(year, month, day + 1, timeZone),
      };
    case "WEEK": {
      const sinceMonday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
      return {
        start: startOfLocalDay(year, month, day - sinceMonday, timeZone),
        end: startOfLocalDay(year, month, day - sinceMonday + 7, timeZone),
      };
    }
    case "MONTH":
      return { start: startOfLocalDay(year, month, 1, timeZone), end: startOfLocalDay(year, month + 1, 1, timeZone) };
    case "QUARTER": {
      const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
      return {
        start: startOfLocalDay(year, firstMonth, 1, timeZone),
        end: startOfLocalDay(year, firstMonth + 3, 1, timeZone),
      };
    }
  }
}

const PERIOD_WORDS: Record<TSpendingPeriod, { adjective: string; noun: string }> = {
  DAY: { adjective: "daily", noun: "day" },
  WEEK: { adjective: "weekly", noun: "week (Monday to Sunday)" },
  MONTH: { adjective: "monthly", noun: "month" },
  QUARTER: { adjective: "quarterly", noun: "quarter" },
};

/** "monthly" — for "their monthly limit". */
export const periodAdjective = (period: TSpendingPeriod) => PERIOD_WORDS[period].adjective;

/** "per calendar month in Europe/Berlin" — how the UI states what a period is. */
export const describeSpendingPeriod = (period: TSpendingPeriod, timeZone: string) =>
  `per calendar ${PERIOD_WORDS[period].noun} in ${timeZone}`;

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
