import "server-only";
import { db } from "@/server/db";

/** Drift findings (cache vs Odoo), newest first: open ones only, or all of the last week. Read-only. */
export async function findDriftFindings({ open = true }: { open?: boolean } = {}) {
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const [findings, lastReport] = await Promise.all([
    db.driftFinding.findMany({
      where: open ? { healedAt: null } : { foundAt: { gte: weekAgo } },
      orderBy: { foundAt: "desc" },
      take: 200,
    }),
    db.syncRun.findFirst({ where: { kind: "odoo.drift" }, orderBy: { startedAt: "desc" } }),
  ]);

  return { findings, lastReport };
}
