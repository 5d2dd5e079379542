import "server-only";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

// One registry per process (the app and each worker have their own), kept on globalThis so that
// every bundle of the app (route handlers, server actions, instrumentation) adds to the same one.

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tradepost_" });
  const on = { registers: [registry] };

  return {
    registry,
    odooCalls: new Histogram({
      name: "tradepost_odoo_call_duration_seconds",
      help: "Odoo calls made by this process, by model, method and outcome (ok | error)",
      labelNames: ["model", "method", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      ...on,
    }),
    medusaCalls: new Histogram({
      name: "tradepost_medusa_call_duration_seconds",
      help: "Medusa calls made by this process, by call and outcome (ok | error)",
      labelNames: ["call", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      ...on,
    }),
    webhookAcks: new Histogram({
      name: "tradepost_webhook_ack_duration_seconds",
      help: "Time from a webhook's arrival to its answer, by source and verdict",
      labelNames: ["source", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
      ...on,
    }),
    checkouts: new Histogram({
      name: "tradepost_checkout_duration_seconds",
      help: "Checkout submissions, by outcome (placed, approval_requested, price_changed, refused, failed …)",
      labelNames: ["outcome"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      ...on,
    }),
    // Values read from the database at scrape time (see collect-database-metrics.ts): the same in
    // every process, whichever one worked the jobs.
    queueJobs: new Gauge({
      name: "tradepost_queue_jobs",
      help: "Jobs kept by pg-boss, by queue and state (created = waiting, retry, active, completed, failed, cancelled)",
      labelNames: ["queue", "state"] as const,
      ...on,
    }),
    jobDurations: new Gauge({
      name: "tradepost_job_duration_seconds",
      help: "Run time of the jobs completed in the last 15 minutes, by queue and quantile",
      labelNames: ["queue", "quantile"] as const,
      ...on,
    }),
    deliveries: new Gauge({
      name: "tradepost_inbound_deliveries",
      help: "Webhook deliveries in the inbox, by source and status",
      labelNames: ["source", "status"] as const,
      ...on,
    }),
    orders: new Gauge({
      name: "tradepost_orders",
      help: "Placed orders by push status (QUEUED, PUSHED, FAILED)",
      labelNames: ["push_status"] as const,
      ...on,
    }),
    oldestUnpushed: new Gauge({
      name: "tradepost_oldest_unpushed_order_age_seconds",
      help: "Age of the oldest placed order still waiting for its push to Odoo (0 when none waits)",
      ...on,
    }),
    recentCalls: new Gauge({
      name: "tradepost_integration_calls_last_5m",
      help: "Calls to Odoo and Medusa from every app and worker process in the last 5 minutes, by target, method and outcome",
      labelNames: ["system", "target", "method", "outcome"] as const,
      ...on,
    }),
    recentCallLatency: new Gauge({
      name: "tradepost_integration_call_latency_last_5m_seconds",
      help: "Latency quantiles of the calls to Odoo and Medusa from every process in the last 5 minutes",
      labelNames: ["system", "target", "method", "quantile"] as const,
      ...on,
    }),
    reconciliationLag: new Gauge({
      name: "tradepost_reconciliation_lag_seconds",
      help: "Seconds since the last reconciliation pass of each Odoo model",
      labelNames: ["cursor"] as const,
      ...on,
    }),
    reconciliationOk: new Gauge({
      name: "tradepost_reconciliation_last_run_ok",
      help: "1 when the last reconciliation pass of the model succeeded, 0 when it stopped",
      labelNames: ["cursor"] as const,
      ...on,
    }),
  };
}

export type TMetrics = ReturnType<typeof createMetrics>;

const holder = globalThis as { tradepostMetrics?: TMetrics };

/** This process's metrics (created on first use). */
export function getMetrics(): TMetrics {
  holder.tradepostMetrics ??= createMetrics();

  return holder.tradepostMetrics;
}
