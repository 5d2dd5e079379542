import "server-only";
import type { TShippingPriceRule } from "@/lib/erp/shipping-cost";
import { db } from "@/server/db";
import type { TSyncResult } from "@/server/integrations/record-sync-run";
import type { TOdooCarrierForSync } from "@/server/odoo/carriers";

// jsonb reorders object keys: compare rules by their values in a fixed order.
const ruleKey = (rules: unknown) =>
  JSON.stringify(rules, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );

/** The rules in Tradepost's terms (lib/erp/shipping-cost), in the order Odoo tries them. */
function toRules(carrier: TOdooCarrierForSync): TShippingPriceRule[] {
  return carrier.priceRules.flatMap((rule) =>
    rule.variable && rule.operator && rule.variableFactor
      ? [
          {
            variable: rule.variable,
            operator: rule.operator,
            maxValue: rule.maxValue,
            basePriceMinor: rule.basePriceMinor,
            pricePerUnitMinor: rule.pricePerUnitMinor,
            variableFactor: rule.variableFactor,
          },
        ]
      : [],
  );
}

/**
 * Writes one carrier as read from Odoo into ErpCarrier; `null` means Odoo no longer has it, and
 * the cached row (if any) is marked inactive, never deleted (orders may name it). Idempotent;
 * data with an older write_date than the row's is ignored. Trusts only what the gateway read.
 */
export async function saveOdooCarrier(carrierId: number, carrier: TOdooCarrierForSync | null): Promise<TSyncResult> {
  const externalId = String(carrierId);
  const row = await db.erpCarrier.findUnique({ where: { odooCarrierId: carrierId } });
  if (!carrier) {
    if (!row?.active) return { outcome: "UNCHANGED", summary: `Carrier ${carrierId} is not in Odoo`, externalId };
    await db.erpCarrier.update({ where: { odooCarrierId: carrierId }, data: { active: false, syncedAt: new Date() } });

    return { outcome: "CHANGED", summary: `Carrier ${carrierId} deleted in Odoo: marked inactive`, externalId };
  }
  if (row && row.odooWriteDate > carrier.writeDate)
    return { outcome: "UNCHANGED", summary: `${carrier.name}: the cache is newer than this read`, externalId };

  const data = {
    name: carrier.name,
    deliveryType: carrier.deliveryType ?? "fixed",
    active: carrier.active,
    currency: carrier.currency,
    fixedPriceMinor: carrier.fixedPriceMinor,
    freeOverMinor: carrier.freeOverMinor,
    countryCodes: carrier.countryCodes,
    priceRules: toRules(carrier),
    odooWriteDate: carrier.writeDate,
  };
  const same =
    row &&
    Object.entries(data).every(([key, value]) => {
      const cached = row[key as keyof typeof row];
      if (value instanceof Date) return cached instanceof Date && cached.getTime() === value.getTime();

      return ruleKey(cached) === ruleKey(value);
    });
  if (same) return { outcome: "UNCHANGED", summary: `${carrier.name}: up to date`, externalId };

  const syncedAt = new Date();
  await db.erpCarrier.upsert({
    where: { odooCarrierId: carrierId },
    create: { odooCarrierId: carrierId, ...data, syncedAt },
    update: { ...data, syncedAt },
  });

  const archived = data.active ? "" : ", archived";

  return {
    outcome: "CHANGED",
    summary: `${carrier.name} (${data.deliveryType}, ${data.priceRules.length} rule(s)${archived})`,
    externalId,
  };
}
