// A job that exists only in tests, to prove what the job spine guarantees with a real worker
// process: it does its effect first (an idempotent upsert in the external-ID table, keyed by the
// payload), says so on stdout, then holds for `holdMs` — the window in which a test kills it.
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/job-definition";

export const linkOnceJob = defineJob({
  name: "test.link-once",
  version: 1,
  schema: z.object({ key: z.string().min(1), holdMs: z.number().int().min(0).max(60_000) }).strict(),
  retry: { limit: 5, delaySeconds: 1, backoff: false },
  expireInSeconds: 120,
  heartbeatSeconds: 10,
  load:
    async () =>
    async ({ key, holdMs }, { attempt }) => {
      await db.externalLink.upsert({
        where: { system_entityType_localId: { system: "MEDUSA", entityType: "test", localId: key } },
        create: { system: "MEDUSA", entityType: "test", localId: key, externalId: key, syncedAt: new Date() },
        update: { syncedAt: new Date() },
      });
      console.log(`test.link-once effect done key=${key} attempt=${attempt}`);
      await sleep(holdMs);

      return { key, attempt };
    },
});
