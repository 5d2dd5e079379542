// npm run bench:soak — a long steady load against a running demo (`npm run demo`): buyers checking
// out (bench:checkout's driver: Tradepost's checkout code in this process against the demo's
// database, Medusa and Odoo; each order's push job runs in the demo's worker) while Odoo-shaped
// webhooks arrive over HTTP at a steady rate (bench:webhooks' deliveries: ack, inbox, processing
// job). Per window it prints the p50/p99 of a checkout submit, of filling a cart and of a webhook
// acknowledgement, and what the load leaves in PostgreSQL: pg-boss's tables (rows, dead tuples,
// size), the backlog (jobs waiting, retrying or running) and dead letters, and the app's
// append-only tables (inbox, sync log, integration calls, rate-limit windows).
//   --minutes 30      how long (BENCH_SOAK_MINUTES)
//   --window 5        minutes per window (BENCH_SOAK_WINDOW)
//   --buyers 2        checkouts in flight, one per buyer (BENCH_SOAK_BUYERS)
//   --webhooks 5      webhook deliveries per second, 10% sent twice (BENCH_SOAK_WEBHOOK_RATE), about
//                     the demo's Odoo companies and stock quants (each makes the worker re-read it)
// BENCH_BASE_URL (http://localhost:3000) and the demo's secrets as bench:webhooks reads them.
// Goals: p99 does not grow (last window ≤ 1.5× the second — the first is warm-up — or within 50 ms
// of it); backlog and dead tuples stay bounded (likewise, or small in absolute terms);
// no dead letters from the load. Setup as bench:checkout (buyers bench-soak-<n>@acme.example;
// Acme's credit limit lifted for the run and put back).
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { attachCart, checkoutInput, db, fillCart, odoo, setup, submitCheckout, type TUser } from "../checkout/driver";
import { demoSecrets, odooBody, odooWriteDate, webhookToken } from "../webhooks/deliveries";
import { readTableStats, type TTableStats } from "./table-stats";

const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: process.env.BENCH_SOAK_MINUTES ?? "30" },
    window: { type: "string", default: process.env.BENCH_SOAK_WINDOW ?? "5" },
    buyers: { type: "string", default: process.env.BENCH_SOAK_BUYERS ?? "2" },
    webhooks: { type: "string", default: process.env.BENCH_SOAK_WEBHOOK_RATE ?? "5" },
  },
});
const MINUTES = Number(args.minutes);
const WINDOW_MS = Number(args.window) * 60_000;
const BUYERS = Number(args.buyers);
const WEBHOOK_RATE = Number(args.webhooks);
const BASE = process.env.BENCH_BASE_URL ?? "http://localhost:3000";
const DUPLICATES = 0.1;
const MAX_WEBHOOKS_IN_FLIGHT = 64;
for (const [name, value] of Object.entries({ MINUTES, WINDOW_MS, BUYERS, WEBHOOK_RATE }))
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);

type TWindow = {
  submit: number[];
  fill: number[];
  webhook: number[];
  outcomes: Map<string, number>;
  failures: string[];
  stats?: TTableStats;
};

const windows: TWindow[] = [];
const windowAt = (startedAt: number, at: number): TWindow => {
  const index = Math.floor((at - startedAt) / WINDOW_MS);
  while (windows.length <= index)
    windows.push({ submit: [], fill: [], webhook: [], outcomes: new Map(), failures: [] });

  return windows[index]!;
};
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => (Number.isNaN(value) ? "—" : `${value.toFixed(0)} ms`);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** One buyer's loop: fill a cart (timed apart), submit it (timed), until the deadline. */
async function checkoutLoop(
  user: TUser,
  context: { organisationId: string; addressId: number; carrierId: number },
  startedAt: number,
  deadline: number,
) {
  while (Date.now() < deadline) {
    const began = performance.now();
    let window = windowAt(startedAt, Date.now());
    try {
      const cartId = await fillCart(user);
      window.fill.push(performance.now() - began);
      await attachCart(context.organisationId, { cartId, user });
      window = windowAt(startedAt, Date.now());
      const submitted = performance.now();
      const result = await submitCheckout(user, checkoutInput(user, context));
      window.submit.push(performance.now() - submitted);
      count(window.outcomes, result.outcome);
      if (result.outcome === "refused") window.failures.push(`refused: ${JSON.stringify(result).slice(0, 200)}`);
    } catch (error) {
      window.failures.push(error instanceof Error ? error.message.slice(0, 200) : String(error));
      await sleep(1_000); // a failing stack must not be hammered in a tight loop
    }
  }
}

/** Webhooks at a steady rate (open loop: a slow receiver shows as latency, not as fewer sends). */
async function webhookLoop(
  url: string,
  subjects: { model: string; id: number }[],
  startedAt: number,
  deadline: number,
) {
  const pending = new Set<Promise<void>>();
  for (let sent = 0; ; sent += 1) {
    const due = startedAt + (sent * 1000) / WEBHOOK_RATE;
    if (due >= deadline) break;
    if (due > Date.now()) await sleep(due - Date.now());
    const window = windowAt(startedAt, Date.now());
    if (pending.size >= MAX_WEBHOOKS_IN_FLIGHT) {
      count(window.outcomes, "webhook skipped (in-flight cap)");
      continue;
    }
    const { model, id } = subjects[sent % subjects.length]!;
    const body = odooBody(model, id, odooWriteDate(Date.now() - 1000));
    const copies = Math.random() < DUPLICATES ? 2 : 1;
    for (let copy = 0; copy < copies; copy += 1) {
      const t0 = performance.now();
      const delivery = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })
        .then(async (response) => {
          window.webhook.push(performance.now() - t0);
          const status = response.ok ? ((await response.json()) as { status: string }).status : `${response.status}`;
          count(window.outcomes, `webhook ${status}`);
        })
        .catch((error: unknown) => void count(window.outcomes, `webhook error ${(error as Error).message}`))
        .finally(() => pending.delete(delivery));
      pending.add(delivery);
    }
  }
  await Promise.all(pending);
}

function printWindow(index: number, window: TWindow, previous: TTableStats | undefined) {
  const stats = window.stats!;
  const grew = (now: number, before: number | undefined) =>
    before === undefined ? "" : ` (${now >= before ? "+" : ""}${(now - before).toLocaleString("en")})`;
  console.log(
    `window ${index + 1}: ${window.submit.length} checkouts, submit p50 ${ms(quantile(window.submit, 0.5))} ` +
      `p99 ${ms(quantile(window.submit, 0.99))}; fill p99 ${ms(quantile(window.fill, 0.99))}; ` +
      `${window.webhook.length} webhooks, ack p50 ${ms(quantile(window.webhook, 0.5))} p99 ${ms(quantile(window.webhook, 0.99))}`,
  );
  console.log(
    `  pgboss: ${stats.pgboss.rows.toLocaleString("en")} rows${grew(stats.pgboss.rows, previous?.pgboss.rows)}, ` +
      `${stats.pgboss.dead.toLocaleString("en")} dead tuples, ${mb(stats.pgboss.bytes)}; ` +
      `backlog ${stats.backlog}, dead letters ${stats.deadLetters}, failed ${stats.failed}`,
  );
  console.log(
    `  app tables: ${stats.app
      .map(
        (table) =>
          `${table.name} ${table.rows.toLocaleString("en")} rows${grew(table.rows, previous?.app.find((t) => t.name === table.name)?.rows)} / ${table.dead.toLocaleString("en")} dead / ${mb(table.bytes)}`,
      )
      .join("; ")}`,
  );
  console.log(`  outcomes: ${[...window.outcomes].map(([what, n]) => `${what} ${n}`).join(", ")}`);
  if (window.failures.length) console.log(`  ${window.failures.length} failures, first: ${window.failures[0]}`);
}

/** "Does not grow": the last window within 1.5× the first (or within `slack` of it). */
const steady = (first: number, last: number, slack: number) => last <= Math.max(first * 1.5, first + slack);

async function main() {
  const { acme, customer, address, users, carrierId } = await setup(BUYERS, "bench-soak");
  const url = `${BASE}/api/webhooks/odoo/${webhookToken(demoSecrets())}`;
  // Records Odoo has, so that each delivery costs what a real one does: an Odoo read and a sync.
  // Not the buyers' own company: its sync would put back the credit limit lifted for the run.
  const [partners, quants] = await Promise.all([
    odoo<number[]>("res.partner", "search", {
      domain: [
        ["is_company", "=", true],
        ["ref", "!=", acme.id],
      ],
      limit: 50,
    }),
    odoo<number[]>("stock.quant", "search", { domain: [], limit: 200 }),
  ]);
  const subjects = [
    ...partners.map((id) => ({ model: "res.partner", id })),
    ...quants.map((id) => ({ model: "stock.quant", id })),
  ].sort(() => Math.random() - 0.5);
  if (subjects.length === 0)
    throw new Error("The demo's Odoo has no companies or stock quants to send webhooks about.");
  const limit = customer.creditLimitMinor;
  await db.erpCustomer.update({ where: { organisationId: acme.id }, data: { creditLimitMinor: null } });
  const baseline = await readTableStats(db);
  console.log(
    `Soak: ${MINUTES} min in ${args.window}-minute windows; ${BUYERS} buyers checking out one order after the other; ` +
      `${WEBHOOK_RATE} webhooks/s to ${BASE} about ${partners.length} companies and ${quants.length} stock quants; node ${process.version}.`,
  );
  console.log(
    `Before: pgboss ${baseline.pgboss.rows.toLocaleString("en")} rows, ${baseline.pgboss.dead} dead tuples, ${mb(baseline.pgboss.bytes)}; backlog ${baseline.backlog}\n`,
  );
  const startedAt = Date.now();
  const deadline = startedAt + MINUTES * 60_000;
  const context = { organisationId: acme.id, addressId: address.odooPartnerId, carrierId };
  // Each window's end: the tables as the load left them, and the window's figures.
  const reporter = (async () => {
    for (let index = 0; index < Math.ceil((MINUTES * 60_000) / WINDOW_MS); index += 1) {
      const end = Math.min(startedAt + (index + 1) * WINDOW_MS, deadline);
      if (end > Date.now()) await sleep(end - Date.now());
      const window = windowAt(startedAt, end - 1);
      window.stats = await readTableStats(db);
      printWindow(index, window, index ? windows[index - 1]!.stats : baseline);
    }
  })();
  try {
    await Promise.all([
      ...users.map((user) => checkoutLoop(user, context, startedAt, deadline)),
      webhookLoop(url, subjects, startedAt, deadline),
      reporter,
    ]);
  } finally {
    await db.erpCustomer.update({ where: { organisationId: acme.id }, data: { creditLimitMinor: limit } });
  }
  const full = windows.filter((window) => window.stats && window.submit.length > 0);
  // The first window warms the processes up (JIT, caches, connection pools): with three or more,
  // the trend is judged from the second.
  const [first, last] = [full[full.length >= 3 ? 1 : 0], full.at(-1)];
  if (!first || !last || full.length < 2) {
    console.log("\nToo short to judge: at least two windows with checkouts are needed.");
    process.exit(1);
  }
  const verdicts = [
    ["checkout submit p99 does not grow", steady(quantile(first.submit, 0.99), quantile(last.submit, 0.99), 50)],
    ["webhook ack p99 does not grow", steady(quantile(first.webhook, 0.99), quantile(last.webhook, 0.99), 50)],
    ["queue backlog bounded", steady(first.stats!.backlog, last.stats!.backlog, 50)],
    ["pg-boss dead tuples bounded", steady(first.stats!.pgboss.dead, last.stats!.pgboss.dead, 5_000)],
    ["no dead letters from the load", last.stats!.deadLetters <= baseline.deadLetters],
  ] as const;
  const hours = (Date.now() - startedAt) / 3_600_000;
  const jobsPerHour = (last.stats!.pgboss.rows - baseline.pgboss.rows) / hours;
  console.log(
    `\npg-boss keeps finished jobs ${baseline.deletionDays} days: at this load the job table levels off near ` +
      `${Math.round(jobsPerHour * 24 * baseline.deletionDays).toLocaleString("en")} rows (${Math.round(jobsPerHour).toLocaleString("en")} jobs/h).`,
  );
  for (const [what, ok] of verdicts) console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  await db.$disconnect();
  process.exit(verdicts.every(([, ok]) => ok) ? 0 : 1);
}

await main();
