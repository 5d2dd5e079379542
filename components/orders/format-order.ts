const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "15 Jan 2027" for a calendar date stored at UTC midnight (requested delivery date). */
export function formatDay(date: Date | null): string {
  return date ? DAY.format(date) : "—";
}
