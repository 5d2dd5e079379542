import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/server/env";

/**
 * How long an idle connection stays open in the app's pools. node-postgres closes one after 10 s
 * by default (Prisma 6's own engine kept it 300 s): on a quiet store nearly every checkout would
 * open fresh connections, ~4 ms each when idle and tens of ms under load, on the buyer's path.
 * Costs nothing at peak: a pool never holds more than its `max`, only for longer.
 */
export const IDLE_CONNECTION_MS = 300_000;

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: getEnv().DATABASE_URL,
    max: 10,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    // Idle connections do not keep a finished script's process alive for those minutes.
    allowExitOnIdle: true,
  });

  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 10_000 },
  });
}

const globalForPrisma = globalThis as { tradepostPrisma?: PrismaClient };

function getClient(): PrismaClient {
  globalForPrisma.tradepostPrisma ??= createClient();

  return globalForPrisma.tradepostPrisma;
}

/**
 * The one Prisma client, created on first use (so that `next build` needs no database
 * settings). `passwordHash` is omitted unless a query selects it explicitly.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, property) {
    const client = getClient();
    const value = Reflect.get(client, property) as unknown;

    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the client's connections if it was ever created (tests, scripts, shutdown). */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.tradepostPrisma?.$disconnect();
  globalForPrisma.tradepostPrisma = undefined;
}
