// npm run test:chaos [-- --orders 1000] [--case kill-9] — the order push under one fault at a
// time (test/chaos/cases.ts), each case with N orders (default 1,000) written as checkout writes
// them, against the Odoo emulator, with push workers as real processes and a PostgreSQL of the
// run's own. Prints per case: orders, lost, duplicated, wrong price, stuck, rescue time after a
// kill, reconnect time after the PostgreSQL faults, stock staleness with webhooks dropped — and
// exits 1 if any case misses its goals. What it does not exercise: see test/chaos/README.md.
import { parseArgs } from "node:util";
import type { TChaosRow } from "./run-case";
import { formatChaosTable, missedGoals } from "./table";

// This process's own log (direct pushes, Odoo calls) is noise beside the table; set before the
// server modules load their logger.
process.env.LOG_LEVEL ??= "error";
const { CHAOS_CASES } = await import("./cases");
const { runChaosCase } = await import("./run-case");
const { startChaosStack } = await import("./stack");

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000" },
    case: { type: "string", multiple: true },
    verbose: { type: "boolean", default: false },
  },
});
const orders = Number(values.orders);
if (!Number.isInteger(orders) || orders < 1) throw new Error(`--orders must be a positive whole number`);
const names = values.case ?? CHAOS_CASES.map((chaosCase) => chaosCase.name);
const unknown = names.filter((name) => !CHAOS_CASES.some((chaosCase) => chaosCase.name === name));
if (unknown.length)
  throw new Error(
    `No chaos case ${unknown.join(", ")}; the cases: ${CHAOS_CASES.map((chaosCase) => chaosCase.name).join(", ")}`,
  );

console.log(`test:chaos — ${orders} orders per case; cases: ${names.join(", ")}`);
const startedAt = Date.now();
const stack = await startChaosStack({ onWorkerLine: values.verbose ? (line) => console.log(line) : undefined });
console.log(
  `stack ready in ${((Date.now() - startedAt) / 1000).toFixed(0)} s (PostgreSQL, migrations, emulator, fixtures)`,
);
const rows: TChaosRow[] = [];
try {
  for (const chaosCase of CHAOS_CASES.filter((candidate) => names.includes(candidate.name))) {
    console.log(`\n▸ ${chaosCase.name}: ${chaosCase.title}`);
    const row = await runChaosCase(stack, chaosCase, orders);
    rows.push(row);
    const missed = missedGoals(row);
    console.log(`  ${missed.length ? `FAIL: ${missed.join(", ")}` : "ok"} in ${row.seconds.toFixed(0)} s`);
    for (const note of row.notes) console.log(`  · ${note}`);
    for (const [what, refs] of Object.entries(row.examples)) console.log(`  · ${what}: ${refs.join(", ")}`);
  }
} finally {
  console.log(`\n${formatChaosTable(rows)}`);
  await stack.stop();
}
process.exitCode = rows.every((row) => missedGoals(row).length === 0) && rows.length === names.length ? 0 : 1;
