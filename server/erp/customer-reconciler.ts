import "server-only";
import { syncOdooCustomer } from "@/server/erp/sync-odoo-customer";
import type { TReconciler } from "@/server/integrations/run-reconciliation";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { findPartnersChangedSince } from "@/server/odoo/partners";

type TChangedCustomer = { id: number; partnerIds: number[] };

/**
 * "odoo.res.partner": partners written since the cursor (companies, their addresses, archived
 * ones too), turned into the commercial partners they belong to, so each customer is re-synced
 * once per page however many of its addresses changed. Partners of no organisation end SKIPPED.
 */
export function createCustomerReconciler(client: OdooClient = getOdooClient()): TReconciler<TChangedCustomer> {
  return {
    name: "odoo.res.partner",
    kind: "odoo.partner.sync",
    system: "ODOO",
    fetchPage: async (cursor) => {
      const page = await findPartnersChangedSince(client, cursor);
      const customers = new Map<number, TChangedCustomer>();
      for (const partner of page.records) {
        const entry = customers.get(partner.commercialPartnerId) ?? { id: partner.commercialPartnerId, partnerIds: [] };
        entry.partnerIds.push(partner.id);
        customers.set(partner.commercialPartnerId, entry);
      }

      return { records: [...customers.values()], cursor: page.cursor, hasMore: page.hasMore };
    },
    sync: (customer) => syncOdooCustomer(customer.id, client),
  };
}
