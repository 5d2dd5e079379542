import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/server/env";

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 });

  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 10_000 },
  });
}

const globalForPrisma = globalThis as { tradepostPrisma?: PrismaClient };

/** The one Prisma client. `passwordHash` is omitted unless a query asks for it explicitly. */
export const db: PrismaClient = globalForPrisma.tradepostPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.tradepostPrisma = db;
