// The chaos run's verdict: one line per case, and the goals each figure is held to (issue 16:
// 0 lost, 0 duplicated, 0 wrong prices, 0 stuck; rescue ≤ 60 s; reconnect ≤ 30 s; staleness ≤ 5 min).
import type { TChaosRow } from "./run-case";

export const GOALS = { rescueMs: 60_000, reconnectMs: 30_000, stalenessMs: 300_000 };

/** What a row misses of the goals; empty when it meets them all. */
export function missedGoals(row: TChaosRow): string[] {
  const missed: string[] = [];
  const counts = {
    lost: row.lost,
    duplicated: row.duplicated,
    "wrong price": row.wrongPrice,
    stuck: row.stuck,
    unconfirmed: row.unconfirmed,
    "not recorded": row.unrecorded,
    "dead-lettered": row.deadLettered,
  };
  for (const [label, count] of Object.entries(counts)) if (count) missed.push(`${count} ${label}`);
  if (row.crashes.length) missed.push(`${row.crashes.length} worker crash(es): ${row.crashes.join("; ")}`);
  if (row.rescueMs !== null && row.rescueMs > GOALS.rescueMs) missed.push(`rescue ${seconds(row.rescueMs)} > 60 s`);
  if (row.reconnectMs !== null && row.reconnectMs > GOALS.reconnectMs)
    missed.push(`reconnect ${seconds(row.reconnectMs)} > 30 s`);
  if (row.stalenessMs !== null && row.stalenessMs > GOALS.stalenessMs)
    missed.push(`staleness ${seconds(row.stalenessMs)} > 5 min`);

  return missed;
}

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);

const COLUMNS: [string, (row: TChaosRow) => string][] = [
  ["case", (row) => row.name],
  ["orders", (row) => String(row.orders)],
  ["lost", (row) => String(row.lost)],
  ["dup", (row) => String(row.duplicated)],
  ["wrong price", (row) => String(row.wrongPrice)],
  ["stuck", (row) => String(row.stuck)],
  ["unconf.", (row) => String(row.unconfirmed)],
  ["unrec.", (row) => String(row.unrecorded)],
  ["dead", (row) => String(row.deadLettered)],
  ["crashes", (row) => String(row.crashes.length)],
  ["faults", (row) => String(row.faultsInjected)],
  ["rescue", (row) => seconds(row.rescueMs)],
  ["reconnect", (row) => seconds(row.reconnectMs)],
  ["staleness", (row) => seconds(row.stalenessMs)],
  ["time", (row) => seconds(row.seconds * 1000)],
  ["verdict", (row) => (missedGoals(row).length ? "FAIL" : "ok")],
];

/** A Markdown table of the rows (it reads as well in a terminal as in a report). */
export function formatChaosTable(rows: TChaosRow[]): string {
  const cells = rows.map((row) => COLUMNS.map(([, cell]) => cell(row)));
  const widths = COLUMNS.map(([title], index) => Math.max(title.length, ...cells.map((line) => line[index]!.length)));
  const line = (values: string[]) => `| ${values.map((value, index) => value.padEnd(widths[index]!)).join(" | ")} |`;

  return [
    line(COLUMNS.map(([title]) => title)),
    `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`,
    ...cells.map(line),
  ].join("\n");
}
