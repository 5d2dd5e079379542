const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "22 Nov 2026, 07:10 UTC", or a dash. Dates are stored and shown in UTC. */
export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";

  return `${DATE_TIME.format(new Date(date))} UTC`;
}
