import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { syncOdooCustomer } from "@/server/erp/sync-odoo-customer";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";

/**
 * Heals one drifted record now: re-syncs it from Odoo through its ordinary idempotent sync (which
 * re-reads Odoo, so healing twice changes nothing the second time) and marks every open finding of
 * that record healed. Calls Odoo outside any transaction. Audited.
 */
export async function healDriftFinding(findingId: string, actor: TSessionUser): Promise<{ healed: number }> {
  const finding = await db.driftFinding.findUnique({ where: { id: findingId } });
  if (!finding) throw new AppError("NOT_FOUND", "No such drift finding.");
  if (finding.model === "res.partner") await syncOdooCustomer(finding.odooId);
  else if (finding.model === "product.product") await syncOdooStock({ productId: finding.odooId });
  else throw new AppError("INVALID_STATE", `Tradepost cannot re-sync ${finding.model} records.`);

  return db.$transaction(async (tx) => {
    const { count } = await tx.driftFinding.updateMany({
      where: { model: finding.model, odooId: finding.odooId, healedAt: null },
      data: { healedAt: new Date() },
    });
    await recordAudit(tx, {
      actor,
      action: "operations.drift.heal",
      entityType: "drift-finding",
      entityId: finding.id,
      after: { model: finding.model, odooId: finding.odooId, healed: count },
    });

    return { healed: count };
  });
}
