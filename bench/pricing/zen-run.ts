// Measures the ZEN model of the benchmark's rules (zen-engine.ts) the way a caller sees it:
// `decision.evaluate` is async only (no sync variant in the Node binding) and runs on ZEN's
// own worker threads, so it is timed one call at a time and with several calls in flight,
// and every price it returns is compared with ours.
import { createRequire } from "node:module";
import { ZenDecisionContent, ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import type { TPricingPolicy, TPricingRule } from "../../lib/pricing/rules";
import type { TPriceRequest } from "../../lib/pricing/types";
import { buildZenContent, toZenInput } from "./zen-engine";

export const ZEN_VERSION = (
  createRequire(import.meta.url)("@gorules/zen-engine/package.json") as {
    version: string;
  }
).version;

const CONCURRENCY = [2, 4, 8, 16];
const SWEEP_LINES = 2_000;
const WARM_UP_LINES = 500;

export type TZenMeasure = {
  concurrency: number;
  perSecond: number;
  p50Micros: number;
  p99Micros: number;
  /** Process CPU time (all threads) per evaluation, and how many cores that kept busy. */
  cpuMicrosPerEval: number;
  cores: number;
  prices: (number | null)[];
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function measure(decision: ZenDecision, inputs: object[], concurrency: number): Promise<TZenMeasure> {
  const prices = new Array<number | null>(inputs.length);
  const latencies = new Array<number>(inputs.length);
  let next = 0;
  const caller = async () => {
    while (next < inputs.length) {
      const index = next++;
      const before = process.hrtime.bigint();
      const { result } = await decision.evaluate(inputs[index]);
      latencies[index] = Number(process.hrtime.bigint() - before) / 1_000;
      prices[index] = (result as { price: number | null }).price;
    }
  };
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, caller));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  latencies.sort((a, b) => a - b);

  return {
    concurrency,
    perSecond: inputs.length / seconds,
    p50Micros: quantile(latencies, 0.5),
    p99Micros: quantile(latencies, 0.99),
    cpuMicrosPerEval: (cpuSeconds * 1e6) / inputs.length,
    cores: cpuSeconds / seconds,
    prices,
  };
}

export async function runZen(
  rules: TPricingRule[],
  policy: TPricingPolicy,
  lines: TPriceRequest[],
  ours: (number | null)[],
) {
  const content = buildZenContent(rules, policy);
  const engine = new ZenEngine();
  const started = performance.now();
  // ZenDecisionContent compiles every cell to bytecode once; a plain object would be re-parsed on each evaluation.
  const decision = engine.createDecision(new ZenDecisionContent(content));
  const compileMs = performance.now() - started;
  const tables = content.nodes.flatMap((node) =>
    node.type === "decisionTableNode"
      ? [
          `${node.id} ${(node.content as { hitPolicy: string; rules: unknown[] }).hitPolicy} ${(node.content as { rules: unknown[] }).rules.length} rows`,
        ]
      : [],
  );
  const model = `${tables.join(", ")}; one expression node for the money; precompiled`;

  // The instant as epoch milliseconds, converted before timing (it favours ZEN, by very little).
  const inputs = lines.map(toZenInput);
  await measure(decision, inputs.slice(0, WARM_UP_LINES), 1);
  const oneAtATime = await measure(decision, inputs, 1);
  const sweepInputs = inputs.slice(0, SWEEP_LINES);
  const sweep: { concurrency: number; perSecond: number }[] = [];
  for (const concurrency of CONCURRENCY)
    sweep.push({
      concurrency,
      perSecond: (await measure(decision, sweepInputs, concurrency)).perSecond,
    });
  const best = sweep.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const concurrent = await measure(decision, inputs, best.concurrency);
  engine.dispose();

  const examples: string[] = [];
  let mismatches = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const theirs = [oneAtATime.prices[index], concurrent.prices[index]];
    if (theirs.every((price) => price === ours[index])) continue;
    mismatches += 1;
    if (examples.length < 5)
      examples.push(`line ${index}: ours ${ours[index]}, ZEN ${theirs.join(" / ")} — ${JSON.stringify(lines[index])}`);
  }

  return {
    compileMs,
    model,
    oneAtATime,
    concurrent,
    sweep,
    sweepLines: sweepInputs.length,
    compared: lines.length,
    mismatches,
    examples,
  };
}
