// A chaos run's worker process: the same start-up and job runner as `npm run worker`, with only
// the jobs the run is about — the order push, plus Odoo's reconciliation when CHAOS_WORKER_JOBS
// is "push+reconcile" (the stock-staleness case: the cache must converge with every webhook lost).
// Nothing else the worker schedules (drift reports, emails) competes or adds noise.
import { getEnv } from "@/server/env";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { reconcileOdooJob } from "@/server/jobs/definitions/reconcile-odoo";
import { runWorkerProcess } from "@/server/jobs/run-worker-process";

getEnv();
const withReconcile = process.env.CHAOS_WORKER_JOBS === "push+reconcile";
runWorkerProcess(withReconcile ? [pushOrderToOdooJob, reconcileOdooJob] : [pushOrderToOdooJob]);
