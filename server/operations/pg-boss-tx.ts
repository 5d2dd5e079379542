import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** pg-boss's connection option that runs its SQL on a Prisma transaction's connection (as enqueue does). */
export function bossDbOf(tx: Prisma.TransactionClient) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
}
