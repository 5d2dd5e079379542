import "server-only";
import { randomUUID } from "node:crypto";
import { diffFields, sampleOf, type TDrift, type TDriftValue } from "@/lib/erp/drift";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { syncOdooCustomer } from "@/server/erp/sync-odoo-customer";
import { syncOdooStock } from "@/server/erp/sync-odoo-stock";
import { withSyncRun } from "@/server/integrations/record-sync-run";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { getCustomerAccount } from "@/server/odoo/customer-accounts";
import { getStockLevels } from "@/server/odoo/stock";
import { findOrderDrift, healOrderDrift } from "@/server/orders/order-drift";

type TFinding = { model: string; odooId: number; drifts: TDrift[] };
export type TDriftReport = { runId: string; checked: number; drifted: number; healed: number };

/** Cached customers next to Odoo now: name, archived or not, credit limit and amount due (what checkout relies on). */
async function customerFindings(client: OdooClient, sampleSize: number): Promise<TFinding[]> {
  const rows = await db.erpCustomer.findMany({
    select: { odooPartnerId: true, name: true, active: true, creditLimitMinor: true, amountDueMinor: true },
    orderBy: { odooPartnerId: "asc" },
  });
  const findings: TFinding[] = [];
  for (const row of sampleOf(rows, sampleSize || rows.length, Math.floor(Math.random() * rows.length))) {
    const account = await getCustomerAccount(client, row.odooPartnerId);
    const actual: Record<string, TDriftValue> = account
      ? {
          name: account.company.name,
          active: account.company.active,
          // A user not allowed to read credit fields sees none: nothing to compare then.
          ...(account.credit
            ? { creditLimitMinor: account.credit.limitMinor, amountDueMinor: account.credit.dueMinor }
            : {}),
        }
      : { exists: false };
    const drifts = diffFields({ ...row, exists: true }, actual);
    if (drifts.length) findings.push({ model: "res.partner", odooId: row.odooPartnerId, drifts });
  }

  return findings;
}

/** Cached stock per product (summed over internal locations) next to Odoo's quants now. */
async function stockFindings(client: OdooClient, sampleSize: number): Promise<TFinding[]> {
  const sums = await db.erpStock.groupBy({
    by: ["odooProductId"],
    _sum: { onHand: true, reserved: true },
    orderBy: { odooProductId: "asc" },
  });
  const sample = sampleOf(sums, sampleSize || sums.length, Math.floor(Math.random() * sums.length));
  const levels = new Map(
    (
      await getStockLevels(
        client,
        sample.map((row) => row.odooProductId),
      )
    ).map((level) => [level.productId, level]),
  );

  return sample.flatMap((row) => {
    const level = levels.get(row.odooProductId);
    const cached = { onHand: Number(row._sum.onHand ?? 0), reserved: Number(row._sum.reserved ?? 0) };
    const drifts = diffFields(cached, { onHand: level?.onHand ?? 0, reserved: level?.reserved ?? 0 });

    return drifts.length ? [{ model: "product.product", odooId: row.odooProductId, drifts }] : [];
  });
}

/**
 * Compares the ERP cache with Odoo (every cached customer and product, or a rotating sample of
 * ERP_DRIFT_SAMPLE_SIZE of each) and records each difference as a DriftFinding. With `heal`,
 * each drifted record is re-synced through its ordinary idempotent sync and its findings marked
 * healed. Reads Odoo only through the gateways; in the sync log as "odoo.drift".
 */
export async function reportDrift(
  { heal = true }: { heal?: boolean } = {},
  client: OdooClient = getOdooClient(),
): Promise<TDriftReport> {
  const runId = randomUUID();
  const sampleSize = getEnv().ERP_DRIFT_SAMPLE_SIZE;
  const report: TDriftReport = { runId, checked: 0, drifted: 0, healed: 0 };
  await withSyncRun({ kind: "odoo.drift", trigger: "job", system: "ODOO" }, async () => {
    const findings = [...(await customerFindings(client, sampleSize)), ...(await stockFindings(client, sampleSize))];
    const orderFindings = await findOrderDrift(client);
    report.checked = (await db.erpCustomer.count()) + (await db.erpStock.groupBy({ by: ["odooProductId"] })).length;
    report.drifted = findings.length + orderFindings.length;
    const stored = (value: unknown) => (value === null || value === undefined ? null : String(value).slice(0, 500));
    await db.driftFinding.createMany({
      data: [
        ...findings.flatMap(({ model, odooId, drifts }) =>
          drifts.map((drift) => ({
            runId,
            model,
            odooId,
            field: drift.field,
            cached: stored(drift.cached),
            actual: stored(drift.actual),
          })),
        ),
        ...orderFindings.map(({ model, odooId, field, cached, actual }) => ({
          runId,
          model,
          odooId,
          field,
          cached,
          actual,
        })),
      ],
    });
    if (heal) {
      for (const finding of findings) {
        if (finding.model === "res.partner") await syncOdooCustomer(finding.odooId, client);
        else await syncOdooStock({ productId: finding.odooId }, client);
        await db.driftFinding.updateMany({
          where: { runId, model: finding.model, odooId: finding.odooId },
          data: { healedAt: new Date() },
        });
        report.healed += 1;
      }
      for (const finding of orderFindings) {
        // An order heal can fail on Medusa or the queue: it stays unhealed and is found again next run.
        const healed = await healOrderDrift(finding, client).then(
          () => true,
          () => false,
        );
        if (!healed) continue;
        await db.driftFinding.updateMany({
          where: { runId, model: finding.model, odooId: finding.odooId, field: finding.field },
          data: { healedAt: new Date() },
        });
        report.healed += 1;
      }
    }

    return {
      outcome: findings.length ? "CHANGED" : "UNCHANGED",
      summary: `${report.drifted} drifted of those checked; ${report.healed} healed`,
      detail: { runId },
    };
  });

  return report;
}
