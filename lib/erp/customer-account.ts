// What an organisation can see of its customer account in Odoo, from the cache.

/** Credit still available: the limit minus what is owed; null without a limit (or unknown). */
export function availableCreditMinor(limitMinor: number | null, dueMinor: number | null): number | null {
  if (limitMinor === null || dueMinor === null) return null;

  return limitMinor - dueMinor;
}

const UNITS: [limit: number, unit: Intl.RelativeTimeFormatUnit, seconds: number][] = [
  [60, "second", 1],
  [3_600, "minute", 60],
  [86_400, "hour", 3_600],
  [30 * 86_400, "day", 86_400],
  [365 * 86_400, "month", 30 * 86_400],
  [Infinity, "year", 365 * 86_400],
];
const RELATIVE = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/** "5 minutes ago", "yesterday"; "just now" under ten seconds (and for clocks slightly ahead). */
export function formatAge(then: Date, now: Date = new Date()): string {
  const seconds = Math.floor((now.getTime() - then.getTime()) / 1000);
  if (seconds < 10) return "just now";
  const [, unit, size] = UNITS.find(([limit]) => seconds < limit)!;

  return RELATIVE.format(-Math.floor(seconds / size), unit);
}
