// A worker process that runs only the order push (the same start-up and job runner as
// `npm run worker`): the push's worker-process tests and `npm run bench:push` start it so that
// nothing else the worker schedules (reconciliations, drift reports) competes or adds noise.
import { getEnv } from "@/server/env";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { runWorkerProcess } from "@/server/jobs/run-worker-process";

getEnv();
runWorkerProcess([pushOrderToOdooJob]);
