// npm run bench:pricing — the pricing engine's speed on a realistic rule set, against the
// same rules in json-rules-engine and in GoRules ZEN. Prints figures and whether each goal
// is met; exits non-zero if any price differs from ours.
import { loadavg } from "node:os";
import { compileRuleSet } from "../../lib/pricing/compile";
import { priceLine } from "../../lib/pricing/evaluate";
import { AT, buildLines, buildRules, POLICY } from "./fixture";
import { buildEngine, priceWithEngine } from "./json-rules-engine";
import { runZen, ZEN_VERSION } from "./zen-run";

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
// json-rules-engine evaluates every rule on every run (≈ 90 ms a line here): a sample is enough.
const JRE_LINES = Number(process.env.BENCH_JRE_LINES ?? 250);
// ZEN scans its tables row by row (≈ 1 ms a line here): a subset of the lines.
const ZEN_LINES = Number(process.env.BENCH_ZEN_LINES ?? 20_000);
const GOALS = { evalsPerSecond: 200_000, p99Micros: 50, speedup: 20, compileMs: 200, zenSpeedup: 3 };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const verdict = (ok: boolean) => (ok ? "meets goal" : "MISSES GOAL");
const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const loadAtStart = loadavg()[0]!;
  const rules = buildRules();
  const lines = buildLines(LINES);
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, count]) => `${kind} ${fmt(count)}`).join(", ");
  console.log(
    `Rule set: ${fmt(rules.length)} rules (${kinds}); ${fmt(lines.length)} configured lines; node ${process.version}, one core.\n`,
  );

  const compileTimes: number[] = [];
  const coldStarted = performance.now();
  let compiled = compileRuleSet({ versionId: "bench", currency: "EUR", policy: POLICY, rules });
  const coldCompileMs = performance.now() - coldStarted;
  for (let run = 0; run < 7; run += 1) {
    const started = performance.now();
    compiled = compileRuleSet({ versionId: "bench", currency: "EUR", policy: POLICY, rules });
    compileTimes.push(performance.now() - started);
  }
  compileTimes.sort((a, b) => a - b);
  const compileMs = Math.max(coldCompileMs, compileTimes[compileTimes.length - 1]!);

  for (const line of lines.slice(0, 20_000)) priceLine(compiled, line, { explain: false }); // warm-up
  let checksum = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const line of lines) {
    const result = priceLine(compiled, line, { explain: false });
    if (result.ok) checksum += result.unitPrice;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMicrosPerEval = (cpu.user + cpu.system) / lines.length;
  const evalsPerSecond = lines.length / seconds;

  const latencies = new Array<number>(lines.length);
  for (let index = 0; index < lines.length; index += 1) {
    const before = process.hrtime.bigint();
    priceLine(compiled, lines[index]!, { explain: false });
    latencies[index] = Number(process.hrtime.bigint() - before) / 1_000;
  }
  latencies.sort((a, b) => a - b);

  const explainStarted = process.hrtime.bigint();
  for (const line of lines) priceLine(compiled, line);
  const explainedPerSecond = lines.length / (Number(process.hrtime.bigint() - explainStarted) / 1e9);

  const engine = buildEngine(rules);
  const sample = lines.slice(0, JRE_LINES);
  let mismatches = 0;
  const jreStarted = process.hrtime.bigint();
  for (const line of sample) {
    const theirs = await priceWithEngine(engine, line);
    const ours = priceLine(compiled, line, { explain: false });
    if (theirs !== (ours.ok ? ours.unitPrice : null)) mismatches += 1;
  }
  const jreSeconds = Number(process.hrtime.bigint() - jreStarted) / 1e9;
  const jrePerSecond = sample.length / jreSeconds;
  const speedup = evalsPerSecond / jrePerSecond;

  const zenLines = lines.slice(0, Math.min(ZEN_LINES, lines.length));
  const ours = zenLines.map((line) => {
    const result = priceLine(compiled, line, { explain: false });

    return result.ok ? result.unitPrice : null;
  });
  const zen = await runZen(rules, POLICY, zenLines, ours);
  // ZEN's highest figure anywhere in the run (a busy machine makes single runs noisy; the doubt goes to ZEN).
  const zenRuns = [
    { how: "one at a time", perSecond: zen.oneAtATime.perSecond },
    { how: `${zen.concurrent.concurrency} in flight`, perSecond: zen.concurrent.perSecond },
    ...zen.sweep.map(({ concurrency, perSecond }) => ({ how: `${concurrency} in flight, sweep`, perSecond })),
  ];
  const zenBest = zenRuns.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const zenSpeedup = evalsPerSecond / zenBest.perSecond;
  const zenCpuRatio = Math.min(zen.oneAtATime.cpuMicrosPerEval, zen.concurrent.cpuMicrosPerEval) / cpuMicrosPerEval;
  const zenOk = zenSpeedup >= GOALS.zenSpeedup && zen.mismatches === 0;

  console.log("Tradepost engine");
  console.log(
    `  compile a published version   ${fmt(coldCompileMs, 1)} ms cold, ${fmt(quantile(compileTimes, 0.5), 1)} ms warm (median of 7)   goal ≤ ${GOALS.compileMs} ms: ${verdict(compileMs <= GOALS.compileMs)}`,
  );
  console.log(
    `  throughput, no explanation    ${fmt(evalsPerSecond)} evaluations/s                   goal ≥ ${fmt(GOALS.evalsPerSecond)}: ${verdict(evalsPerSecond >= GOALS.evalsPerSecond)}`,
  );
  console.log(`  CPU per evaluation            ${fmt(cpuMicrosPerEval, 2)} µs (one thread)`);
  console.log(
    `  latency per evaluation        p50 ${fmt(quantile(latencies, 0.5), 2)} µs, p99 ${fmt(quantile(latencies, 0.99), 2)} µs, max ${fmt(latencies[latencies.length - 1]!, 0)} µs   goal p99 ≤ ${GOALS.p99Micros} µs: ${verdict(quantile(latencies, 0.99) <= GOALS.p99Micros)}`,
  );
  console.log(
    `  throughput with explanation   ${fmt(explainedPerSecond)} evaluations/s (breakdown + trace, as the editor shows)`,
  );
  console.log(`  heap after compile and runs   ${fmt(process.memoryUsage().heapUsed / 1_048_576, 1)} MB`);
  console.log("json-rules-engine 7.3.1, same rules and policy");
  console.log(
    `  throughput                    ${fmt(jrePerSecond, 1)} evaluations/s over ${fmt(sample.length)} lines (${fmt(jreSeconds, 1)} s); ${mismatches} price mismatches`,
  );
  console.log(
    `  Tradepost engine speed-up     ${fmt(speedup, 0)}×                                   goal ≥ ${GOALS.speedup}×: ${verdict(speedup >= GOALS.speedup)}`,
  );
  const { oneAtATime: one, concurrent: many } = zen;
  const subset =
    zenLines.length < lines.length
      ? ` (a subset: the first ${fmt(zenLines.length)} of the ${fmt(lines.length)} lines)`
      : "";
  console.log(
    `GoRules ZEN ${ZEN_VERSION}, same rules and policy as decision tables, over ${fmt(zenLines.length)} lines${subset}`,
  );
  console.log(`  load the decision             ${fmt(zen.compileMs, 0)} ms (JSON Decision Model: ${zen.model})`);
  console.log(
    `  one at a time                 ${fmt(one.perSecond)} evaluations/s; p50 ${fmt(one.p50Micros, 0)} µs, p99 ${fmt(one.p99Micros, 0)} µs per line; ${fmt(one.cpuMicrosPerEval, 0)} µs CPU per evaluation (${fmt(one.cores, 2)} cores busy)`,
  );
  console.log(
    `  ${`${many.concurrency} in flight`.padEnd(30)}${fmt(many.perSecond)} evaluations/s; p50 ${fmt(many.p50Micros, 0)} µs, p99 ${fmt(many.p99Micros, 0)} µs per line; ${fmt(many.cpuMicrosPerEval, 0)} µs CPU per evaluation (${fmt(many.cores, 2)} cores busy)`,
  );
  console.log(
    `  concurrency tried             ${zen.sweep.map(({ concurrency, perSecond }) => `${concurrency}: ${fmt(perSecond)}/s`).join(", ")} (on ${fmt(zen.sweepLines)} lines; the best is used above)`,
  );
  console.log(`  prices                        ${fmt(zen.compared)} compared with ours, ${zen.mismatches} mismatches`);
  for (const example of zen.examples) console.log(`    MISMATCH ${example}`);
  console.log(
    `  Tradepost engine speed-up     ${fmt(zenSpeedup, 0)}× ZEN's best (${fmt(evalsPerSecond)} vs ${fmt(zenBest.perSecond)} evaluations/s, ${zenBest.how}); ${fmt(zenCpuRatio, 0)}× less CPU per evaluation   goal ≥ ${GOALS.zenSpeedup}× with identical prices: ${verdict(zenOk)}`,
  );
  const load = loadavg()[0]!;
  console.log(
    `\n(checksum ${checksum}, at ${AT.toISOString()}; load average ${fmt(load, 1)} at the end, ${fmt(loadAtStart, 1)} at the start)`,
  );
  if (mismatches || zen.mismatches) process.exitCode = 1;
}

void main();
