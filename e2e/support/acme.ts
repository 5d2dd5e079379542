import type { createPrismaClient } from "../../prisma/seed/client";
import { expect } from "./fixtures";
import { odooCall } from "./odoo";

type TDb = ReturnType<typeof createPrismaClient>;

export const ACME_CARRIER = "Spedition Nord";
export const ACME_HAMBURG = "Hamburg showroom, Große Elbstraße 145, 22767 Hamburg, DE";

/**
 * The demo's organisation A (Acme Interiors) once the worker's reconciliation has brought its Odoo
 * account into the ERP cache: delivery addresses and a fixed-price carrier, so its buyers can check
 * out. The carrier is made in Odoo (look-up-before-create) rather than in the cache, because
 * reconciliation marks cache rows that Odoo does not have inactive.
 */
export async function acmeReadyForCheckout(db: TDb) {
  const acme = await db.organisation.findUniqueOrThrow({ where: { name: "Acme Interiors" } });
  await expect
    .poll(async () => db.erpAddress.count({ where: { organisationId: acme.id, type: "delivery" } }), {
      timeout: 90_000,
    })
    .toBeGreaterThan(0);
  let [carrierId] = await odooCall<number[]>("delivery.carrier", "search", {
    domain: [["name", "=", ACME_CARRIER]],
  });
  if (!carrierId) {
    const [product] = await odooCall<number[]>("product.product", "create", {
      vals_list: [{ name: ACME_CARRIER, type: "service", sale_ok: false }],
    });
    [carrierId] = await odooCall<number[]>("delivery.carrier", "create", {
      vals_list: [{ name: ACME_CARRIER, delivery_type: "fixed", fixed_price: 45, product_id: product }],
    });
  }
  await expect
    .poll(async () => db.erpCarrier.count({ where: { odooCarrierId: carrierId, active: true } }), { timeout: 90_000 })
    .toBe(1);

  return acme;
}
