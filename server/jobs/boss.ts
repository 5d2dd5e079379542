import "server-only";
import { PgBoss } from "pg-boss";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";

/**
 * A pg-boss instance on Tradepost's database (schema `pgboss`). Errors are logged, never
 * thrown from the emitter: pg-boss keeps polling and reconnects when PostgreSQL is back.
 */
export function createBoss({ supervise = true, schedule = true }: { supervise?: boolean; schedule?: boolean } = {}): PgBoss {
  const boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, schema: "pgboss", supervise, schedule, max: 5 });
  boss.on("error", (error) => logger.error({ err: error }, "pg-boss error"));
  boss.on("warning", (warning) => logger.warn({ warning }, "pg-boss warning"));

  return boss;
}
