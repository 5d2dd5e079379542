import "server-only";
import { db } from "@/server/db";

/** Deletes sign-in attempts older than `keepDays` (idempotent: a second run deletes nothing). */
export async function pruneLoginAttempts({ keepDays }: { keepDays: number }): Promise<{ deleted: number }> {
  const cutoff = new Date(Date.now() - keepDays * 86_400_000);
  const { count } = await db.loginAttempt.deleteMany({ where: { at: { lt: cutoff } } });

  return { deleted: count };
}
