const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium", timeZone: "UTC" });

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "07:10:42" (UTC) today, "2 Dec 07:10:42" before: the console's tables mostly span minutes. */
export function formatTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  const at = new Date(date);
  const today = new Date().toISOString().slice(0, 10) === at.toISOString().slice(0, 10);

  return today ? TIME.format(at) : `${DAY.format(at)} ${TIME.format(at)}`;
}

/** "4 min 12 s", "2 h 5 min", "38 s". */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;

  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** A job output or error ({ error, message } …) as one line. */
export function describeOutput(output: unknown): string {
  if (output === null || output === undefined) return "";
  if (typeof output !== "object") return String(output);
  const { error, message, issues } = output as { error?: unknown; message?: unknown; issues?: unknown };
  const parts = [error, message, Array.isArray(issues) ? issues.join("; ") : undefined].filter(
    (part): part is string => typeof part === "string" && part.length > 0,
  );

  return parts.length ? parts.join(": ") : JSON.stringify(output);
}
