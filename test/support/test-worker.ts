// The real worker (the same start-up, queues and job runner) with the test-only job added.
import { JOBS } from "@/server/jobs/registry";
import { runWorkerProcess } from "@/server/jobs/run-worker-process";
import { linkOnceJob } from "./test-jobs";

runWorkerProcess([...JOBS, linkOnceJob]);
