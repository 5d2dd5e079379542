// The ERP cache and catalogue the checkout integration tests run against: Acme's and Borealis'
// cached Odoo customers and delivery addresses, a fixed-price and a weight-based carrier, stock of
// the levelling feet, the catalogue's weights in Medusa; and the helpers they share (the push jobs
// and "order placed" emails of an order, a filled cart, the checkout form).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { ok } from "./actions";
import { TABLE, type TDemoBuyers, useDemoBuyers } from "./cart";
import { testDb } from "./db";
import { signInAs } from "./next-request-scope";
import { addToCartAction } from "@/server/actions/cart";
import { closeCheckoutLocks } from "@/server/checkout/checkout-locks";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { stopSender } from "@/server/jobs/enqueue";
import { closeMailTransport } from "@/server/mail/transport";
import { getAdminProductBySku, updateAdminVariant } from "@/server/medusa/admin-products";

const db = testDb();

export const HAMBURG = 910_001;
export const GOTHENBURG = 910_002;
export const CARRIER = 920_001;
export const BY_WEIGHT = 920_002;

// Weights as the catalogue import writes Odoo's into Medusa (grams on the variant), set before this
// process first reads the catalogue (it keeps it 30 s) and put back after.
const WEIGHTS_G: Record<string, number> = { "ACC-FEET-M8": 1_500, "TBL-ATELIER-WALNUT": 45_000 };
/**
 * The demo data and a fresh buyer of each organisation before every test (`use` receives them, as
 * with useDemoBuyers), the checkout's ERP cache and the catalogue's weights before the file's tests
 * (the weights put back after), and every connection closed at the end.
 */
export function prepareCheckoutData(use: (buyers: TDemoBuyers) => void): void {
  afterAll(async () => {
    closeMailTransport();
    await stopSender();
    await closeCheckoutLocks();
    await db.$disconnect();
  });
  useDemoBuyers(db, use);
  const weightsBefore = new Map<string, { productId: string; variantId: string; weight: number | null }>();
  beforeAll(async () => {
    for (const [sku, grams] of Object.entries(WEIGHTS_G)) {
      const product = await getAdminProductBySku(sku);
      const variant = product?.variants.find((candidate) => candidate.sku === sku);
      if (!product || !variant) throw new Error(`${sku} is not in Medusa`);
      weightsBefore.set(sku, { productId: product.id, variantId: variant.id, weight: variant.weight });
      await updateAdminVariant(product.id, variant.id, { weight: grams });
    }
  });
  afterAll(async () => {
    for (const { productId, variantId, weight } of weightsBefore.values())
      await updateAdminVariant(productId, variantId, { weight });
  });

  beforeAll(async () => {
    const organisations = await db.organisation.findMany({
      where: { name: { in: ["Acme Interiors", "Borealis Fitouts"] } },
    });
    const now = new Date();
    for (const organisation of organisations) {
      const isAcme = organisation.name === "Acme Interiors";
      await db.erpCustomer.create({
        data: {
          organisationId: organisation.id,
          odooPartnerId: isAcme ? 900_001 : 900_002,
          name: isAcme ? "Acme Interiors GmbH" : "Borealis Fitouts AB",
          active: true,
          currency: "EUR",
          creditLimitMinor: 2_500_000,
          amountDueMinor: 0,
          paymentTermName: "30 Days",
          odooWriteDate: now,
          syncedAt: now,
        },
      });
      await db.erpAddress.create({
        data: {
          odooPartnerId: isAcme ? HAMBURG : GOTHENBURG,
          organisationId: organisation.id,
          type: "delivery",
          name: isAcme ? "Hamburg showroom" : "Gothenburg site",
          street: isAcme ? "Große Elbstraße 145" : "Lindholmspiren 7",
          zip: isAcme ? "22767" : "41756",
          city: isAcme ? "Hamburg" : "Göteborg",
          countryCode: isAcme ? "DE" : "NL",
          odooWriteDate: now,
          syncedAt: now,
        },
      });
    }
    await db.erpCarrier.create({
      data: {
        odooCarrierId: CARRIER,
        name: "Freight DE",
        deliveryType: "fixed",
        active: true,
        currency: "EUR",
        fixedPriceMinor: 4_500,
        countryCodes: ["DE", "NL"],
        odooWriteDate: now,
        syncedAt: now,
      },
    });
    // Odoo's "based on rules" carrier: up to 50 kg €30; above, €20 + €0.50 per kg.
    await db.erpCarrier.create({
      data: {
        odooCarrierId: BY_WEIGHT,
        name: "Freight by weight",
        deliveryType: "base_on_rule",
        active: true,
        currency: "EUR",
        countryCodes: ["DE"],
        priceRules: [
          {
            variable: "weight",
            operator: "<=",
            maxValue: 50,
            basePriceMinor: 3_000,
            pricePerUnitMinor: 0,
            variableFactor: "weight",
          },
          {
            variable: "weight",
            operator: ">",
            maxValue: 50,
            basePriceMinor: 2_000,
            pricePerUnitMinor: 50,
            variableFactor: "weight",
          },
        ],
        odooWriteDate: now,
        syncedAt: now,
      },
    });
    await db.erpStock.create({
      data: {
        sku: "ACC-FEET-M8",
        locationId: 8,
        locationName: "WH/Stock",
        odooProductId: 77,
        onHand: 140,
        reserved: 0,
        available: 140,
        odooWriteDate: now,
        syncedAt: now,
      },
    });
  });
}

export const jobsFor = (orderId: string) =>
  db.$queryRaw<{ id: string }[]>`SELECT id FROM pgboss.job WHERE name = ${pushOrderToOdooJob.name}
    AND data->'payload'->>'orderId' = ${orderId}`;

export const orderPlacedMails = (orderReference: string) =>
  db.$queryRaw<{ id: string; data: { payload: { template: string; to: string; data: Record<string, unknown> } } }[]>`
    SELECT id, data FROM pgboss.job WHERE name = ${sendEmailJob.name}
    AND data->'payload'->>'template' = 'order-placed' AND data->'payload'->'data'->>'orderReference' = ${orderReference}`;

export async function fillCart(user: { id: string }) {
  signInAs(user);
  ok(await addToCartAction({ ...TABLE, quantity: 2 }));
  ok(await addToCartAction({ product: "levelling-feet", quantity: 4 }));
}

export const statusOf = async (orderId: string) =>
  (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status;

export const form = (overrides: Record<string, unknown> = {}) => ({
  checkoutKey: randomUUID(),
  addressId: HAMBURG,
  carrierId: CARRIER,
  poNumber: "PO-4711",
  notes: "Ring at the gate",
  requestedDeliveryDate: "",
  ...overrides,
});
