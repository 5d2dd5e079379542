import "server-only";
import { AppError } from "@/lib/errors";
import { logger } from "@/server/logger";
import { ODOO_RECONCILERS } from "@/server/integrations/reconcilers";
import { runReconciliation, type TReconcileOutcome } from "@/server/integrations/run-reconciliation";

/**
 * One reconciliation pass over the given models (all registered ones by default), in order.
 * A model that fails does not stop the others; its cursor row says what happened, and the
 * next scheduled pass starts from where it stopped.
 */
export async function reconcileOdoo({
  models,
}: {
  models?: string[];
}): Promise<Record<string, TReconcileOutcome | { error: string }>> {
  const names = models ?? Object.keys(ODOO_RECONCILERS);
  const unknown = names.filter((name) => !ODOO_RECONCILERS[name]);
  if (unknown.length) throw new AppError("INVALID_INPUT", `No reconciler for ${unknown.join(", ")}.`);
  const results: Record<string, TReconcileOutcome | { error: string }> = {};
  for (const name of names) {
    try {
      results[name] = await runReconciliation(await ODOO_RECONCILERS[name]!());
    } catch (error) {
      logger.warn({ err: error, model: name }, "reconciliation pass stopped");
      results[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }

  return results;
}
